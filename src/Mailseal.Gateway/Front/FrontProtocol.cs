namespace Mailseal.Gateway.Front;

/// <summary>What a listener speaks.</summary>
public enum FrontProtocol
{
    /// <summary>ESMTP (RFC 5321) for an MTA handing mail over; no AUTH.</summary>
    Smtp,

    /// <summary>LMTP (RFC 2033): LHLO, and one reply per recipient after DATA.</summary>
    Lmtp,

    /// <summary>ESMTP with AUTH required before MAIL, for Mailseal's own portal.</summary>
    Submission,
}
