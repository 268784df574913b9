namespace Mailseal.Gateway.Front;

/// <summary>
/// Folds per-recipient replies into the single reply SMTP allows after DATA. Nothing may be lost: any
/// transient failure makes the whole message transient (the client keeps it and retries all recipients, so a
/// copy may arrive twice but never not at all). Mixed success and permanent failure answers 250: the
/// handler must then send the bounce for the refused recipients itself.
/// </summary>
public static class SmtpReplyAggregator
{
    public static SmtpReply Aggregate(IReadOnlyList<SmtpReply> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (replies.Count == 0)
        {
            throw new ArgumentException("At least one recipient reply is needed.", nameof(replies));
        }

        return replies.FirstOrDefault(reply => reply.IsTransient)
            ?? replies.FirstOrDefault(reply => reply.IsPositive)
            ?? replies[0];
    }
}
