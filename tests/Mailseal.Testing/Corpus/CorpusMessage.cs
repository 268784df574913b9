using System.Globalization;
using MimeKit;

namespace Mailseal.Testing.Corpus;

/// <summary>
/// Builds corpus messages with fixed dates, Message-IDs and boundaries, and writes them with CRLF
/// line endings as they travel on the SMTP wire.
/// </summary>
internal static class CorpusMessage
{
    private static readonly DateTimeOffset Epoch = new(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(1));

    /// <summary>A message from Ada to Bruno with every usual header fixed by the file name.</summary>
    public static MimeMessage Create(string name, string subject, MimeEntity? body)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var message = new MimeMessage();
        message.Headers.Clear();
        message.From.Add(CorpusPeople.Ada);
        message.To.Add(CorpusPeople.Bruno);
        message.Subject = subject;
        message.Date = DateFor(name);
        message.MessageId = MessageIdFor(name);
        message.MimeVersion = new Version(1, 0);
        if (body is not null)
        {
            message.Body = body;
        }

        return message;
    }

    public static DateTimeOffset DateFor(string name) =>
        Epoch.AddMinutes((double)(SeededBytes.StableHash(name) % 200_000));

    public static string MessageIdFor(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)}.{SeededBytes.StableHash(name) % 1_000_000:D6}@corpus.example.com");

    /// <summary>Fixes every boundary and serialises with CRLF; <paramref name="international"/> keeps UTF-8 headers raw (EAI).</summary>
    public static CorpusFile ToFile(string name, MimeMessage message, bool international = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var counter = 0;
        AssignBoundaries(message.Body, name, ref counter);
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        options.International = international;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return new CorpusFile(name, stream.ToArray());
    }

    public static TextPart Text(string text, string subtype = "plain")
    {
        var part = new TextPart(subtype);
        part.SetText("utf-8", text);
        part.ContentTransferEncoding = IsAscii(text) ? ContentEncoding.SevenBit : ContentEncoding.QuotedPrintable;
        return part;
    }

    public static MimePart Attachment(string mediaType, string mediaSubtype, string fileName, byte[] content)
    {
        return new MimePart(mediaType, mediaSubtype)
        {
            Content = new MimeContent(new MemoryStream(content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = fileName },
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = fileName,
        };
    }

    private static bool IsAscii(string text) => text.All(c => c < 128);

    private static void AssignBoundaries(MimeEntity? entity, string name, ref int counter)
    {
        switch (entity)
        {
            case Multipart multipart:
                multipart.Boundary = string.Create(CultureInfo.InvariantCulture, $"=_ms_{SeededBytes.StableHash(name) % 100_000_000:D8}_{counter++:D3}");
                foreach (var child in multipart)
                {
                    AssignBoundaries(child, name, ref counter);
                }

                break;
            case MessagePart { Message: not null } messagePart:
                AssignBoundaries(messagePart.Message.Body, name, ref counter);
                break;
        }
    }
}
