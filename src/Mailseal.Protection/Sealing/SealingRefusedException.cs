namespace Mailseal.Protection.Sealing;

/// <summary>
/// A message cannot be sealed, for a reason an administrator or sender can act on. Whoever catches it
/// must not deliver the message in plain text instead.
/// </summary>
public sealed class SealingRefusedException : InvalidOperationException
{
    public SealingRefusedException(SealingRefusalReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public SealingRefusalReason Reason { get; }
}
