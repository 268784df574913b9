using MimeKit;

namespace Mailseal.Portal.Replying;

/// <summary>
/// Who a reply goes to (docs/portal-reading.md): Reply → the original's Reply-To, else its From; Reply all →
/// also its other To and Cc recipients, never Bcc, never the replier; Forward → only the given addresses.
/// </summary>
internal sealed record ReplyRecipients(IReadOnlyList<MailboxAddress> To, IReadOnlyList<MailboxAddress> Cc)
{
    /// <summary>Every address once, To first: the envelope's recipients.</summary>
    public IReadOnlyList<string> All => [.. To.Concat(Cc).Select(m => m.Address)];

    public static ReplyRecipients For(MimeMessage original, Replier replier, ReplyRequest request, ReplyOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var to = request.Kind == ReplyKind.Forward
            ? ForwardAddresses(request.ForwardTo, seen)
            : Usable(original.ReplyTo.Mailboxes.Any(m => MailAddresses.IsUsable(m.Address)) ? original.ReplyTo.Mailboxes : original.From.Mailboxes, seen);
        if (to.Count == 0)
        {
            throw new ReplyRejectedException(ReplyRejectionReason.NoRecipients, "The reply has no recipient.");
        }

        var cc = new List<MailboxAddress>();
        if (request.Kind == ReplyKind.ReplyAll)
        {
            seen.Add(MailAddresses.Key(replier.Address));
            cc.AddRange(Usable(original.To.Mailboxes.Concat(original.Cc.Mailboxes), seen));
        }

        if (to.Count + cc.Count > options.MaxRecipients)
        {
            throw new ReplyRejectedException(
                ReplyRejectionReason.TooManyRecipients, $"The reply has {to.Count + cc.Count} recipients; at most {options.MaxRecipients} are allowed.");
        }

        return new ReplyRecipients(to, cc);
    }

    /// <summary>The usable mailboxes not seen yet; an unusable address in a received header is skipped, not fatal.</summary>
    private static List<MailboxAddress> Usable(IEnumerable<MailboxAddress> mailboxes, HashSet<string> seen) =>
        [.. mailboxes.Where(m => MailAddresses.IsUsable(m.Address) && seen.Add(MailAddresses.Key(m.Address))).Select(MailAddresses.Clean)];

    private static List<MailboxAddress> ForwardAddresses(IReadOnlyList<string> addresses, HashSet<string> seen)
    {
        var result = new List<MailboxAddress>();
        foreach (var text in addresses ?? [])
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!MailboxAddress.TryParse(ParserOptions.Default, text.Trim(), out var mailbox) || !MailAddresses.IsUsable(mailbox.Address))
            {
                throw new ReplyRejectedException(ReplyRejectionReason.InvalidRecipient, "A forward address is not a usable mail address.");
            }

            if (seen.Add(MailAddresses.Key(mailbox.Address)))
            {
                result.Add(MailAddresses.Clean(mailbox));
            }
        }

        return result;
    }
}
