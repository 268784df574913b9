using MimeKit;

namespace Mailseal.Portal.Viewing;

/// <summary>Reads <see cref="MessageHeaderView"/> from a message: decoded, cleaned and capped; Bcc is never read.</summary>
internal static class HeaderViewReader
{
    public static MessageHeaderView Read(MimeMessage message, ViewingOptions options)
    {
        var to = Addresses(message.To, options);
        var cc = Addresses(message.Cc, options);
        var omitted = Math.Max(0, to.Total - to.Shown.Count) + Math.Max(0, cc.Total - cc.Shown.Count);
        return new MessageHeaderView(
            Addresses(message.From, options).Shown,
            to.Shown,
            cc.Shown,
            message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
            DisplayText.Clean(message.Subject, options.MaxTextFieldLength),
            omitted);
    }

    private static (IReadOnlyList<string> Shown, int Total) Addresses(InternetAddressList list, ViewingOptions options)
    {
        var shown = new List<string>();
        var total = 0;
        foreach (var address in list)
        {
            var entries = address is GroupAddress { Members.Count: > 0 } group ? [.. group.Members.Mailboxes] : new[] { address };
            foreach (var entry in entries)
            {
                total++;
                if (shown.Count < options.MaxAddressesPerField)
                {
                    shown.Add(Format(entry, options.MaxTextFieldLength));
                }
            }
        }

        return (shown, total);
    }

    private static string Format(InternetAddress address, int maxLength)
    {
        var name = DisplayText.Clean(address.Name, maxLength);
        if (address is not MailboxAddress mailbox)
        {
            return name;
        }

        var addr = DisplayText.Clean(mailbox.Address, maxLength);
        return name.Length == 0 || string.Equals(name, addr, StringComparison.OrdinalIgnoreCase) ? addr : $"{name} <{addr}>";
    }
}
