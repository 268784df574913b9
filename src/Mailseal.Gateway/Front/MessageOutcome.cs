namespace Mailseal.Gateway.Front;

/// <summary>
/// What became of a message: one reply per recipient, in the order of <see cref="MessageTransaction.Recipients"/>.
/// LMTP sends them as they are; SMTP sends one reply made by <see cref="SmtpReplyAggregator"/>.
/// </summary>
public sealed class MessageOutcome
{
    public MessageOutcome(IReadOnlyList<SmtpReply> recipientReplies)
    {
        ArgumentNullException.ThrowIfNull(recipientReplies);
        RecipientReplies = recipientReplies;
    }

    public IReadOnlyList<SmtpReply> RecipientReplies { get; }

    /// <summary>The same reply for each of <paramref name="recipientCount"/> recipients.</summary>
    public static MessageOutcome ForAll(int recipientCount, SmtpReply reply) =>
        new(Enumerable.Repeat(reply, recipientCount).ToArray());
}
