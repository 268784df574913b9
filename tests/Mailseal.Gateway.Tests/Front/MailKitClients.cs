using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>MailKit clients and messages as a real sending MTA or the portal would use them.</summary>
internal static class MailKitClients
{
    /// <summary>Connects; over TLS only the certificate with <paramref name="trustedThumbprint"/> is accepted.</summary>
    public static async Task<SmtpClient> ConnectAsync(int port, SecureSocketOptions security = SecureSocketOptions.None, string? trustedThumbprint = null)
    {
        var client = new SmtpClient { LocalDomain = "client.test.example" };
        client.ServerCertificateValidationCallback = (_, certificate, _, _) =>
            trustedThumbprint is not null && certificate?.GetCertHashString() == trustedThumbprint;
        await client.ConnectAsync("127.0.0.1", port, security);
        return client;
    }

    public static MimeMessage Message(string body = "Hello.\r\n.A line that starts with a dot\r\n..Two dots\r\nEnd.\r\n")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice", "alice@example.org"));
        message.To.Add(new MailboxAddress("Bob", "bob@example.net"));
        message.Subject = "Front test";
        message.MessageId = "front-test@example.org";
        message.Date = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>The bytes MailKit puts on the wire for the message, before dot-stuffing.</summary>
    public static byte[] WireBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return stream.ToArray();
    }

    public static MailboxAddress[] Addresses(params string[] addresses) =>
        addresses.Select(address => new MailboxAddress(null, address)).ToArray();
}
