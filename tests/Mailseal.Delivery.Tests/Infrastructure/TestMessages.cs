using System.Text;

namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>Small messages with CRLF line endings, and envelopes around them.</summary>
internal static class TestMessages
{
    public const string Sender = "alice@example.com";

    public static byte[] Simple(string subject = "Quarterly figures", string body = "Hello Bob,\r\nthe figures are attached.\r\n") =>
        Encoding.UTF8.GetBytes(
            "From: Alice <alice@example.com>\r\n"
            + "To: Bob <bob@example.net>\r\n"
            + $"Subject: {subject}\r\n"
            + "Date: Mon, 02 Mar 2026 09:30:00 +0000\r\n"
            + "Message-ID: <figures-1@example.com>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + body);

    public static OutboundMessage Envelope(byte[] content, params string[] recipients) =>
        new(Sender, recipients.Length == 0 ? ["bob@example.net"] : recipients, new MemoryStream(content, writable: false));
}
