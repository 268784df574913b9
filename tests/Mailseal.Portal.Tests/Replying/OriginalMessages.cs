using MimeKit;

namespace Mailseal.Portal.Tests.Replying;

/// <summary>Originals a recipient reads in the portal: from an internal sender to external recipients.</summary>
internal static class OriginalMessages
{
    public const string Replier = "bruno@example.net";

    public static MimeMessage Create(Action<MimeMessage>? change = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Ada Lovelace", "ada@example.org"));
        message.To.Add(new MailboxAddress("Bruno", Replier));
        message.To.Add(new MailboxAddress("Chloé", "chloe@example.net"));
        message.Cc.Add(new MailboxAddress("Dev Team", "dev@example.org"));
        message.Bcc.Add(new MailboxAddress("Hidden", "hidden@example.org"));
        message.Subject = "Quarterly figures";
        message.Date = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);
        message.MessageId = "original.1@example.org";
        message.References.Add("first.0@example.org");
        var body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "The figures are attached." },
            new MimePart("application", "pdf")
            {
                Content = new MimeContent(new MemoryStream("%PDF-1.4 original"u8.ToArray())),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = "figures.pdf",
            },
        };
        message.Body = body;
        change?.Invoke(message);
        return message;
    }
}
