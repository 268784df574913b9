using System.Text;
using Mailseal.Portal.Viewing;
using MimeKit;
using MimeKit.Utils;

namespace Mailseal.Portal.Replying;

/// <summary>
/// Writes the inner reply: From the replier, To and Cc per kind, subject, date, a fresh Message-ID, the
/// threading fields, the text as text/plain UTF-8, the replier's files, and for a forward the original as an
/// attached message/rfc822. Bcc of the original never goes along (<see cref="Serialize"/> hides it).
/// </summary>
internal static class ReplyComposer
{
    public static MimeMessage Compose(
        MimeMessage original, Replier replier, ReplyRequest request, ReplyRecipients recipients, string messageIdDomain, DateTimeOffset now)
    {
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress(DisplayText.Clean(replier.DisplayName, 200), replier.Address));
        reply.To.AddRange(recipients.To);
        reply.Cc.AddRange(recipients.Cc);
        reply.Subject = ReplySubject.For(request.Kind, original.Subject);
        reply.Date = now;
        reply.MessageId = MimeUtils.GenerateMessageId(messageIdDomain);
        ReplyThreading.Apply(reply, original);

        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, CleanText(request.Text));
        text.ContentTransferEncoding = text.GetBestEncoding(EncodingConstraint.SevenBit);
        if (request.Attachments.Count == 0 && request.Kind != ReplyKind.Forward)
        {
            reply.Body = text;
            return reply;
        }

        var mixed = new Multipart("mixed") { text };
        foreach (var attachment in request.Attachments)
        {
            mixed.Add(AttachmentPart(attachment));
        }

        if (request.Kind == ReplyKind.Forward)
        {
            var fileName = AttachmentFileName.For(DisplayText.Clean(original.Subject, 100) is { Length: > 0 } s ? s + ".eml" : null, "message/rfc822");
            mixed.Add(new MessagePart
            {
                Message = original,
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = fileName },
            });
        }

        reply.Body = mixed;
        return reply;
    }

    /// <summary>The reply as RFC 5322 bytes with CRLF line ends; Bcc and Resent-Bcc are left out at every level.</summary>
    public static MemoryStream Serialize(MimeMessage reply)
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.HiddenHeaders.Add(HeaderId.Bcc);
        format.HiddenHeaders.Add(HeaderId.ResentBcc);
        var output = new MemoryStream();
        reply.WriteTo(format, output);
        output.Position = 0;
        return output;
    }

    private static MimePart AttachmentPart(ReplyAttachment attachment)
    {
        var type = ContentType.TryParse(attachment.ContentType ?? "", out var parsed)
            && !parsed.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase)
            && !parsed.MediaType.Equals("message", StringComparison.OrdinalIgnoreCase)
            ? new ContentType(parsed.MediaType, parsed.MediaSubtype)
            : new ContentType("application", "octet-stream");
        var fileName = AttachmentFileName.For(attachment.FileName, type.MimeType);
        return new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(attachment.Content.ToArray(), writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = fileName },
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = fileName,
        };
    }

    /// <summary>Line ends unified and control characters other than tab and line feed dropped.</summary>
    private static string CleanText(string text)
    {
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return string.Concat(unified.Where(c => c is '\n' or '\t' || !char.IsControl(c)));
    }
}
