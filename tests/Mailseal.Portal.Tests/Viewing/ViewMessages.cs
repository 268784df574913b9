using Mailseal.Portal.Viewing;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mailseal.Portal.Tests.Viewing;

/// <summary>Messages and a builder for the viewing tests.</summary>
internal static class ViewMessages
{
    /// <summary>The bytes of a 1×1 PNG: what the inline image test expects inlined.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static MessageViewBuilder Builder(Action<ViewingOptions>? change = null)
    {
        var options = new ViewingOptions();
        change?.Invoke(options);
        return new MessageViewBuilder(Options.Create(options));
    }

    public static MimeMessage With(MimeEntity? body, Action<MimeMessage>? change = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Ada", "ada@example.org"));
        message.To.Add(new MailboxAddress("Bruno", "bruno@example.net"));
        message.Subject = "Figures";
        message.Date = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);
        message.MessageId = "m1@example.org";
        if (body is not null)
        {
            message.Body = body;
        }

        change?.Invoke(message);
        return message;
    }

    public static TextPart Html(string html) => new("html") { Text = html };

    public static TextPart Text(string text) => new("plain") { Text = text };

    public static MimePart Image(string contentId, byte[]? bytes = null, string? fileName = null, bool attachment = false) => new("image", "png")
    {
        Content = new MimeContent(new MemoryStream(bytes ?? Png)),
        ContentId = contentId,
        ContentTransferEncoding = ContentEncoding.Base64,
        ContentDisposition = new ContentDisposition(attachment ? ContentDisposition.Attachment : ContentDisposition.Inline) { FileName = fileName },
    };

    public static MimePart File(string mediaType, string subtype, string? fileName, byte[] content) => new(mediaType, subtype)
    {
        Content = new MimeContent(new MemoryStream(content)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = fileName },
        ContentTransferEncoding = ContentEncoding.Base64,
    };

    /// <summary>An HTML body with its inline image, as mail clients send it.</summary>
    public static Multipart Related(string html, params MimeEntity[] resources)
    {
        var related = new MultipartRelated { Html(html) };
        foreach (var resource in resources)
        {
            related.Add(resource);
        }

        return related;
    }

    public static byte[] Decoded(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content!.DecodeTo(output);
        return output.ToArray();
    }
}
