using System.Text;
using MimeKit;
using static Mailseal.Testing.Corpus.CorpusMessage;

namespace Mailseal.Testing.Corpus;

/// <summary>multipart/mixed with binary attachments of common shapes, TNEF and uuencode.</summary>
internal static class AttachmentFamily
{
    private static readonly (string Type, string Subtype, string Extension, byte[] Magic)[] Shapes =
    [
        ("application", "pdf", "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n")),
        ("image", "png", "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image", "jpeg", "jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]),
        ("application", "zip", "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]),
        ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", [0x50, 0x4B, 0x03, 0x04]),
        ("application", "octet-stream", "bin", [0x00, 0x00, 0x00, 0x00, 0xFF, 0xFE]),
        ("application", "gzip", "gz", [0x1F, 0x8B, 0x08, 0x00]),
        ("audio", "mpeg", "mp3", Encoding.ASCII.GetBytes("ID3\x04\x00")),
    ];

    public static IEnumerable<CorpusFile> Generate()
    {
        for (var i = 0; i < 16; i++)
        {
            var shape = Shapes[i % Shapes.Length];
            var name = $"mixed-{i + 1:D3}-{shape.Extension}-attachment.eml";
            var random = SeededBytes.FromText(name);
            var mixed = new Multipart("mixed") { Text(CorpusText.English) };
            var count = 1 + (i / Shapes.Length);
            for (var n = 1; n <= count; n++)
            {
                var size = 512 + (int)(random.NextUInt64() % 24_000);
                mixed.Add(Attachment(shape.Type, shape.Subtype, $"document-{n}.{shape.Extension}", Shaped(random, shape.Magic, size)));
            }

            yield return ToFile(name, Create(name, $"Files for review ({count})", mixed));
        }

        yield return MixedWithoutText("mixed-017-attachment-only.eml");
        yield return MixedWithAlternative("mixed-018-alternative-and-attachments.eml");
        yield return MixedWithInlineDisposition("mixed-019-inline-text-attachment.eml");
        yield return MixedEightBitAttachment("mixed-020-8bit-csv-attachment.eml");

        for (var i = 0; i < 3; i++)
        {
            var name = $"tnef-{i + 1:D3}-winmail.eml";
            var random = SeededBytes.FromText(name);
            var tnef = Attachment("application", "ms-tnef", "winmail.dat", Shaped(random, [0x78, 0x9F, 0x3E, 0x22, 0x01, 0x00], 2_000 + (i * 4_000)));
            yield return ToFile(name, Create(name, "Meeting notes (rich text)", new Multipart("mixed") { Text(CorpusText.English), tnef }));
        }

        for (var i = 0; i < 3; i++)
        {
            var name = $"uuencode-{i + 1:D3}.eml";
            var content = SeededBytes.FromText(name).NextBytes(300 + (i * 700));
            if (i == 0)
            {
                var body = CorpusText.English + "\n" + UuEncoding.Encode("report.bin", content);
                yield return ToFile(name, Create(name, "Report (uuencoded inline)", Text(body)));
                continue;
            }

            var part = Attachment("application", "octet-stream", $"archive-{i}.bin", content);
            part.ContentTransferEncoding = ContentEncoding.UUEncode;
            yield return ToFile(name, Create(name, "Archive (x-uuencode)", new Multipart("mixed") { Text(CorpusText.English), part }));
        }
    }

    public static byte[] Shaped(SeededBytes random, byte[] magic, int size)
    {
        var bytes = random.NextBytes(Math.Max(size, magic.Length));
        magic.CopyTo(bytes, 0);
        return bytes;
    }

    private static CorpusFile MixedWithoutText(string name)
    {
        var random = SeededBytes.FromText(name);
        var mixed = new Multipart("mixed") { Attachment("application", "pdf", "invoice-2026-031.pdf", Shaped(random, Shapes[0].Magic, 9_000)) };
        return ToFile(name, Create(name, "Invoice 2026-031", mixed));
    }

    private static CorpusFile MixedWithAlternative(string name)
    {
        var random = SeededBytes.FromText(name);
        var mixed = new Multipart("mixed")
        {
            new MultipartAlternative { Text(CorpusText.English), Text(CorpusText.Html, "html") },
            Attachment("image", "jpeg", "site-photo.jpg", Shaped(random, Shapes[2].Magic, 14_000)),
            Attachment("application", "zip", "drawings.zip", Shaped(random, Shapes[3].Magic, 7_000)),
        };
        return ToFile(name, Create(name, "Site visit: photo and drawings", mixed));
    }

    private static CorpusFile MixedWithInlineDisposition(string name)
    {
        var note = Text("Second note, shown inline by most clients.\n");
        note.ContentDisposition = new ContentDisposition(ContentDisposition.Inline);
        var csv = Text("order;quantity\n4411;12\n4412;7\n", "csv");
        csv.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "orders.csv" };
        return ToFile(name, Create(name, "Two notes", new Multipart("mixed") { Text(CorpusText.English), note, csv }));
    }

    private static CorpusFile MixedEightBitAttachment(string name)
    {
        var csv = new TextPart("csv");
        csv.SetText("utf-8", "Name;Stadt\nJürgen;Köln\nSøren;Århus\nZoë;Besançon\n");
        csv.ContentTransferEncoding = ContentEncoding.EightBit;
        csv.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "kontakte.csv" };
        return ToFile(name, Create(name, "Contacts export", new Multipart("mixed") { Text(CorpusText.German), csv }));
    }
}
