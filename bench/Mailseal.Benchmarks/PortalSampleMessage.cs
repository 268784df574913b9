using System.Text;
using MimeKit;

namespace Mailseal.Benchmarks;

/// <summary>
/// A message as the portal shows it, the same bytes on every run: an HTML body (about 10 KB, with a style block,
/// a table and links) that refers to an inline PNG by cid:, and a PDF attachment of seeded pseudo-random bytes
/// that brings the message to about the size asked for.
/// </summary>
public static class PortalSampleMessage
{
    public const string ImageContentId = "logo@bench.example.org";

    /// <summary>Room the headers, the HTML part and the image take in the message, outside the attachment.</summary>
    private const int FixedBytes = 16_000;

    /// <summary>The HTML body, so that sanitising it alone can be measured beside the whole view.</summary>
    public static string Html { get; } = BuildHtml();

    /// <summary>A 1×1 PNG: the inline image the HTML refers to.</summary>
    public static byte[] Image { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static byte[] Create(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 20_000);
        var related = new MultipartRelated { Root = new TextPart("html") { Text = Html } };
        related.Add(new MimePart("image", "png")
        {
            ContentId = ImageContentId,
            Content = new MimeContent(new MemoryStream(Image)),
            ContentTransferEncoding = ContentEncoding.Base64,
        });
        var mixed = new Multipart("mixed") { related };
        mixed.Add(new MimePart("application", "pdf")
        {
            FileName = "figures.pdf",
            Content = new MimeContent(new MemoryStream(Attachment((size - FixedBytes) / 78 * 57))),
            ContentTransferEncoding = ContentEncoding.Base64,
        });
        var message = new MimeMessage
        {
            Subject = "Quarterly figures",
            Date = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero),
            MessageId = "portal-bench-0001@example.org",
            Body = mixed,
        };
        message.From.Add(new MailboxAddress("Alice Example", "alice@example.org"));
        message.To.Add(new MailboxAddress("Bob Example", "bob@example.net"));
        using var output = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, output);
        return output.ToArray();
    }

#pragma warning disable CA5394 // Benchmark data, not security: a seeded generator is the point.
    private static byte[] Attachment(int length)
    {
        var bytes = new byte[length];
        new Random(20261128).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
#pragma warning restore CA5394

    private static string BuildHtml()
    {
        var html = new StringBuilder(
            "<html><head><style>td{padding:4px;border:1px solid #ccc} .note{color:#333;font-family:Arial}</style></head><body>"
            + $"<p><img src=\"cid:{ImageContentId}\" alt=\"Logo\" width=\"120\"></p><h1>Quarterly figures</h1>");
        for (var i = 0; i < 40; i++)
        {
            html.Append("<p class=\"note\">Please find the quarterly figures attached; paragraph ").Append(i)
                .Append(" of the covering note, with <b>bold</b> and <a href=\"https://example.org/report\">a link</a>.</p>");
        }

        html.Append("<table>");
        for (var row = 0; row < 20; row++)
        {
            html.Append("<tr><td>Region ").Append(row).Append("</td><td style=\"text-align:right\">").Append(row * 1234).Append("</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }
}
