using Mailseal.Portal.Tests.Viewing;
using MimeKit;

namespace Mailseal.Portal.Tests.EndToEnd;

/// <summary>What the end-to-end tests send through the gateway: from alice@example.org (inside) to bob@example.net (outside).</summary>
internal static class EndToEndMessages
{
    public const string Sender = "alice@example.org";
    public const string Recipient = "bob@example.net";
    public const string ImageContentId = "logo@example.org";
    public const string BodyText = "The quarterly figures are attached.";

    /// <summary>Bytes that stand for a PDF; a download must give them back exactly.</summary>
    public static readonly byte[] Pdf = [.. "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251)), .. "\n%%EOF\n"u8];

    /// <summary>An HTML body that shows an inline cid: image, and a PDF attachment.</summary>
    public static MimeMessage Figures(string messageId)
    {
        var related = ViewMessages.Related(
            $"<html><body><h2>Quarterly figures</h2><p id=\"text\">{BodyText}</p><img src=\"cid:{ImageContentId}\" alt=\"Logo\" width=\"64\" height=\"64\"></body></html>",
            ViewMessages.Image(ImageContentId));
        var body = new Multipart("mixed") { related, ViewMessages.File("application", "pdf", "figures.pdf", Pdf) };
        return Message(messageId, "Quarterly figures", body);
    }

    /// <summary>Issue 4's attack body with every remote URL pointed at <paramref name="listener"/>, beside benign text and the inline image.</summary>
    public static MimeMessage Hostile(string messageId, Uri listener)
    {
        var authority = listener.Authority;
        var html = HostileBodyTests.Attack
            .Replace("https://evil.example", "http://" + authority, StringComparison.Ordinal)
            .Replace("//evil.example", "//" + authority, StringComparison.Ordinal);
        return Message(messageId, "Hostile body", ViewMessages.Related(html, ViewMessages.Image(ImageContentId)));
    }

    private static MimeMessage Message(string messageId, string subject, MimeEntity body)
    {
        var message = new MimeMessage { Subject = subject, MessageId = messageId, Date = DateTimeOffset.UtcNow, Body = body };
        message.From.Add(new MailboxAddress("Alice Example", Sender));
        message.To.Add(new MailboxAddress("Bob Example", Recipient));
        return message;
    }
}
