using Mailseal.Protection.Envelope;
using MimeKit;

namespace Mailseal.Portal.Replying;

/// <summary>Which addresses a reply may go to, and when two name the same mailbox.</summary>
internal static class MailAddresses
{
    /// <summary>
    /// An address usable as an envelope recipient and in a license: local part and domain, no white space,
    /// control characters or brackets, and a domain IDNA accepts.
    /// </summary>
    public static bool IsUsable(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 320
            || address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or '"'))
        {
            return false;
        }

        try
        {
            RecipientAddress.Normalize(address);
            return address.IndexOf('@', StringComparison.Ordinal) > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The normal form the license hashes: equal keys are one recipient.</summary>
    public static string Key(string address) => RecipientAddress.Normalize(address);

    /// <summary>A copy of the mailbox with its display name cleaned for a header.</summary>
    public static MailboxAddress Clean(MailboxAddress mailbox) =>
        new(Viewing.DisplayText.Clean(mailbox.Name, 200), mailbox.Address);
}
