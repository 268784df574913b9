namespace Mailseal.Portal.Replying;

/// <summary>The reply breaks a limit or a rule; nothing was sent. The text is for logs and names no content.</summary>
public sealed class ReplyRejectedException : Exception
{
    public ReplyRejectedException(ReplyRejectionReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public ReplyRejectionReason Reason { get; }
}
