namespace Mailseal.Gateway.Front;

/// <summary>The protocols a row of the state table applies to.</summary>
[Flags]
internal enum ProtocolMask
{
    None = 0,
    Smtp = 1,
    Lmtp = 2,
    Submission = 4,
    Esmtp = Smtp | Submission,
    All = Smtp | Lmtp | Submission,
}
