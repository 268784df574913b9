using MimeKit;

namespace Mailseal.Portal.Replying;

/// <summary>
/// In-Reply-To and References (RFC 5322 §3.6.4) so that the reply threads in the sender's client and the
/// gateway keeps the thread sealed: References are the original's (or its In-Reply-To) plus its Message-ID,
/// the first and the newest kept when a hostile original carries very many.
/// </summary>
internal static class ReplyThreading
{
    private const int MaxReferences = 30;

    public static void Apply(MimeMessage reply, MimeMessage original)
    {
        var references = original.References.Count > 0
            ? original.References.ToList()
            : original.InReplyTo is { Length: > 0 } inReplyTo ? [inReplyTo] : [];
        if (original.MessageId is { Length: > 0 } messageId)
        {
            reply.InReplyTo = messageId;
            references.Add(messageId);
        }

        if (references.Count > MaxReferences)
        {
            references = [references[0], .. references.TakeLast(MaxReferences - 1)];
        }

        foreach (var reference in references)
        {
            reply.References.Add(reference);
        }
    }
}
