using Mailseal.Core.Classification;
using Mailseal.Core.Mime;
using MimeKit;
using System.Net;
using System.Text.RegularExpressions;

namespace Mailseal.Core.Rules;

/// <summary>
/// Everything rules look at, taken from a message once: the sender, the envelope recipients, subject, body
/// text, attachments, headers, size and class. Evaluating many rules then touches no MIME again.
/// </summary>
public sealed class MessageFacts
{
    private MessageFacts(string sender, string envelopeSender, IReadOnlyList<string> recipients, string subject, string bodyText,
        IReadOnlyList<AttachmentFact> attachments, HeaderList headers, long size, MessageClassification classification)
    {
        Sender = sender;
        EnvelopeSender = envelopeSender;
        Recipients = recipients;
        Subject = subject;
        BodyText = bodyText;
        Attachments = attachments;
        Headers = headers;
        Size = size;
        Classification = classification;
    }

    /// <summary>The From address (first mailbox); the envelope sender when the message has no From.</summary>
    public string Sender { get; }

    /// <summary>The envelope sender (MAIL FROM) as given.</summary>
    public string EnvelopeSender { get; }

    /// <summary>The envelope recipients (RCPT TO), in order, duplicates removed case-insensitively.</summary>
    public IReadOnlyList<string> Recipients { get; }

    public string Subject { get; }

    /// <summary>The text of the body's text parts that are not attachments; HTML converted to text.</summary>
    public string BodyText { get; }

    public IReadOnlyList<AttachmentFact> Attachments { get; }

    public HeaderList Headers { get; }

    /// <summary>Size of the message in bytes as received.</summary>
    public long Size { get; }

    public MessageClassification Classification { get; }

    public static MessageFacts From(MimeMessage message, string envelopeSender, IEnumerable<string> envelopeRecipients, long size)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelopeSender);
        ArgumentNullException.ThrowIfNull(envelopeRecipients);
        var sender = message.From.Mailboxes.FirstOrDefault()?.Address is { Length: > 0 } from ? from : envelopeSender;
        var recipients = envelopeRecipients.Select(r => r.Trim()).Where(r => r.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var text = new List<string>();
        var attachments = new List<AttachmentFact>();
        Collect(message.Body, text, attachments);
        return new MessageFacts(sender, envelopeSender, recipients, message.Subject ?? "", string.Join("\n", text), attachments,
            message.Headers, size, MessageClassifier.Classify(message));
    }

    private static void Collect(MimeEntity? entity, List<string> text, List<AttachmentFact> attachments)
    {
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Collect(child, text, attachments);
                }

                break;
            case MimePart part when part.IsAttachment || (part is not TextPart && part.FileName is not null):
                // Base64 that does not count by rule is measured the forgiving way, as any decoder would read it.
                attachments.Add(new AttachmentFact(part.FileName ?? "", DecodedSize.Of(part) ?? DecodedSize.ByDecoding(part)));
                break;
            case TextPart { IsHtml: true } html:
                text.Add(HtmlAsText(html.Text));
                break;
            case TextPart { IsPlain: true } plain:
                text.Add(plain.Text);
                break;
            case MessagePart { Message: { } inner } forwarded:
                attachments.Add(new AttachmentFact(forwarded.ContentDisposition?.FileName ?? inner.Subject ?? "", MessageSize(inner)));
                break;
        }
    }

    /// <summary>Tags dropped and entities decoded: enough for word and pattern matching.</summary>
    private static string HtmlAsText(string html)
    {
        var withoutTags = Regex.Replace(html, "<[^>]*>", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        return WebUtility.HtmlDecode(withoutTags);
    }

    private static long MessageSize(MimeMessage inner)
    {
        using var counter = new CountingStream();
        inner.WriteTo(counter);
        return counter.Count;
    }
}
