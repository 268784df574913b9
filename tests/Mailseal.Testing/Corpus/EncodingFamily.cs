using MimeKit;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>Transfer encodings: 8bit, binary, quoted-printable, and lines longer than SMTP's 998.</summary>
internal static class EncodingFamily
{
    public static IEnumerable<CorpusFile> Generate()
    {
        string[] eightBit = [CorpusText.French, CorpusText.German, CorpusText.Russian, CorpusText.Japanese, CorpusText.Emoji];
        for (var i = 0; i < eightBit.Length; i++)
        {
            var name = $"cte-8bit-{i + 1:D3}.eml";
            yield return ToFile(name, Create(name, "8bit body", Encoded(eightBit[i], ContentEncoding.EightBit)));
        }

        var html8 = Encoded(CorpusText.Html.Replace("Bruno", "Brunø", StringComparison.Ordinal), ContentEncoding.EightBit, "html");
        yield return ToFile("cte-8bit-006-alternative.eml", Create("cte-8bit-006-alternative.eml", "8bit alternative", new MultipartAlternative { Encoded(CorpusText.German, ContentEncoding.EightBit), html8 }));

        for (var i = 0; i < 5; i++)
        {
            var name = $"cte-binary-{i + 1:D3}.eml";
            yield return ToFile(name, Create(name, "Binary transfer encoding", BinaryBody(name, i)));
        }

        string[] quoted = [CorpusText.French, CorpusText.German, CorpusText.Emoji, "Trailing spaces stay   \nand tabs too\t\nequals = sign, and a dot line:\n.\nFrom the start of a line.\n", CorpusText.LongLine(3000) + "\n", CorpusText.Html];
        for (var i = 0; i < quoted.Length; i++)
        {
            var name = $"qp-{i + 1:D3}.eml";
            var part = Encoded(quoted[i], ContentEncoding.QuotedPrintable, i == 5 ? "html" : "plain");
            yield return ToFile(name, Create(name, "Quoted-printable body", part));
        }

        int[] lengths = [999, 1000, 1500, 4096, 10_000, 65_536];
        for (var i = 0; i < lengths.Length; i++)
        {
            var name = $"long-line-{lengths[i]}-{i + 1:D3}.eml";
            var text = "Short first line.\n" + CorpusText.LongLine(lengths[i]) + "\nShort last line.\n";
            var part = Encoded(text, i % 2 == 0 ? ContentEncoding.SevenBit : ContentEncoding.EightBit, i == 3 ? "html" : "plain");
            yield return ToFile(name, Create(name, $"A line of {lengths[i]} characters", part));
        }

        var longAttachmentName = "long-line-2000-007-in-multipart.eml";
        var inMultipart = new Multipart("mixed") { Text(CorpusText.English), Encoded(CorpusText.LongLine(2000) + "\n", ContentEncoding.SevenBit, "csv") };
        yield return ToFile(longAttachmentName, Create(longAttachmentName, "CSV export on one line", inMultipart));
    }

    private static TextPart Encoded(string text, ContentEncoding encoding, string subtype = "plain")
    {
        var part = new TextPart(subtype);
        part.SetText("utf-8", text);
        part.ContentTransferEncoding = encoding;
        return part;
    }

    /// <summary>Raw bytes under Content-Transfer-Encoding: binary, with NULs, bare CR and bare LF inside.</summary>
    private static MimeEntity BinaryBody(string name, int variant)
    {
        var bytes = SeededBytes.FromText(name).NextBytes(1_000 + (variant * 2_500));
        var part = new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(new MemoryStream(bytes)),
            ContentTransferEncoding = ContentEncoding.Binary,
            FileName = $"raw-{variant + 1}.bin",
        };
        return variant % 2 == 0 ? part : new Multipart("mixed") { Text(CorpusText.English), part };
    }
}
