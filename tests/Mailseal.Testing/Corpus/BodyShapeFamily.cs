using MimeKit;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>Everyday body shapes: alternative, HTML only, text only, empty, related with cid images.</summary>
internal static class BodyShapeFamily
{
    public static IEnumerable<CorpusFile> Generate()
    {
        string[] texts = [CorpusText.English, CorpusText.French, CorpusText.German, CorpusText.Emoji, CorpusText.Russian, CorpusText.Japanese];
        for (var i = 0; i < texts.Length; i++)
        {
            var name = $"alt-{i + 1:D3}-plain-html.eml";
            var html = $"<html><body><pre>{System.Net.WebUtility.HtmlEncode(texts[i])}</pre></body></html>\n";
            yield return ToFile(name, Create(name, "Delivery schedule", new MultipartAlternative { Text(texts[i]), Text(html, "html") }));
        }

        yield return Alternative("alt-007-three-parts.eml", Text(CorpusText.English), Text("Hello *Bruno*, see the **schedule**.\n", "markdown"), Text(CorpusText.Html, "html"));
        yield return Alternative("alt-008-html-first.eml", Text(CorpusText.Html, "html"), Text(CorpusText.English));
        yield return Alternative("alt-009-single-part.eml", Text(CorpusText.English));
        yield return Alternative("alt-010-base64-parts.eml", Base64(Text(CorpusText.German)), Base64(Text(CorpusText.Html, "html")));
        yield return Alternative("alt-011-with-enriched.eml", Text(CorpusText.English), Text("<bold>Hello</bold> Bruno\n", "enriched"));
        yield return Alternative("alt-012-related-inside.eml", Text(CorpusText.English), Related("logo"));

        for (var i = 0; i < 4; i++)
        {
            var name = $"html-only-{i + 1:D3}.eml";
            var body = Text(i % 2 == 0 ? CorpusText.Html : CorpusText.Html.Replace("Bruno", "Brunó", StringComparison.Ordinal), "html");
            if (i == 3)
            {
                body.ContentTransferEncoding = ContentEncoding.Base64;
            }

            yield return ToFile(name, Create(name, "Newsletter, March edition", body));
        }

        string[] plain = [CorpusText.English, CorpusText.French, CorpusText.Emoji, "ok\n", CorpusText.Repeat(CorpusText.English, 20_000)];
        for (var i = 0; i < plain.Length; i++)
        {
            var name = $"text-only-{i + 1:D3}.eml";
            yield return ToFile(name, Create(name, "Plain text note", Text(plain[i])));
        }

        yield return ToFile("empty-body-001-no-body.eml", Create("empty-body-001-no-body.eml", "Subject only", null));
        yield return ToFile("empty-body-002-empty-text.eml", Create("empty-body-002-empty-text.eml", "Empty text part", Text(string.Empty)));
        yield return ToFile("empty-body-003-empty-multipart.eml", Create("empty-body-003-empty-multipart.eml", "Empty parts", new Multipart("mixed") { Text(string.Empty), Text(string.Empty, "html") }));

        for (var i = 0; i < 5; i++)
        {
            var name = $"related-{i + 1:D3}-cid-images.eml";
            yield return ToFile(name, Create(name, "Floor plan with pictures", Related(name, imageCount: i + 1)));
        }
    }

    private static CorpusFile Alternative(string name, params MimeEntity[] parts)
    {
        var alternative = new MultipartAlternative();
        foreach (var part in parts)
        {
            alternative.Add(part);
        }

        return ToFile(name, Create(name, "Alternative bodies", alternative));
    }

    private static TextPart Base64(TextPart part)
    {
        part.ContentTransferEncoding = ContentEncoding.Base64;
        return part;
    }

    /// <summary>multipart/related: HTML referring to PNG-shaped images by cid.</summary>
    private static MultipartRelated Related(string seed, int imageCount = 1)
    {
        var random = SeededBytes.FromText(seed);
        var images = string.Concat(Enumerable.Range(1, imageCount).Select(i => $"<p><img src=\"cid:image{i}@corpus.example.com\" alt=\"plan {i}\"></p>\n"));
        var related = new MultipartRelated { Text($"<html><body><p>The floor plans:</p>\n{images}</body></html>\n", "html") };
        related.ContentType.Parameters.Add("type", "text/html");
        for (var i = 1; i <= imageCount; i++)
        {
            var image = Attachment("image", "png", $"plan{i}.png", PngShaped(random, 600 + (i * 300)));
            image.ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = $"plan{i}.png" };
            image.ContentId = $"image{i}@corpus.example.com";
            related.Add(image);
        }

        return related;
    }

    public static byte[] PngShaped(SeededBytes random, int length)
    {
        var bytes = random.NextBytes(length);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}
