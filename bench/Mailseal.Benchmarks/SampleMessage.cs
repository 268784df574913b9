using System.Text;

namespace Mailseal.Benchmarks;

/// <summary>
/// A realistic MIME message of an exact size, the same bytes on every run: headers, a short text part and
/// a base64 attachment of pseudo-random bytes (incompressible, as real attachments mostly are), CRLF.
/// </summary>
public static class SampleMessage
{
    private const string Boundary = "=_mailseal-bench-boundary";
    private const int AttachmentLineBytes = 57;
    private const int AttachmentLineLength = 78; // 76 base64 characters and CRLF

    /// <summary>Builds a message of exactly <paramref name="size"/> bytes (at least 4 KB: the headers and the covering note take 3.8).</summary>
    public static byte[] Create(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4096);
        var tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        var budget = size - Encoding.ASCII.GetByteCount(Head(filler: "")) - tail.Length;
        var lines = budget / AttachmentLineLength;
        var filler = budget - (lines * AttachmentLineLength);
        if (filler is > 0 and < 2)
        {
            lines--;
            filler += AttachmentLineLength;
        }

        // The size is made exact by a last line of the covering note, so that the attachment stays well-formed base64
        // in whole 76-character lines, as mail clients write it.
        var head = Encoding.ASCII.GetBytes(Head(filler > 0 ? new string('.', filler - 2) + "\r\n" : ""));
        using var output = new MemoryStream(size);
        output.Write(head);
        WriteAttachment(output, lines);
        output.Write(tail);
        return output.ToArray();
    }

    private static string Head(string filler)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            text.Append("Please find the quarterly figures attached; paragraph ").Append(i).Append(" of the covering note.\r\n");
        }

        return "From: Alice Example <alice@example.org>\r\n"
            + "To: Bob Example <bob@example.net>\r\n"
            + "Subject: Quarterly figures\r\n"
            + "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <bench-0001@example.org>\r\n"
            + "MIME-Version: 1.0\r\n"
            + $"Content-Type: multipart/mixed; boundary=\"{Boundary}\"\r\n"
            + "\r\n"
            + $"--{Boundary}\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "\r\n"
            + text
            + filler
            + $"\r\n--{Boundary}\r\n"
            + "Content-Type: application/octet-stream; name=\"figures.bin\"\r\n"
            + "Content-Disposition: attachment; filename=\"figures.bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n";
    }

#pragma warning disable CA5394 // Benchmark data, not security: a seeded generator is the point.
    private static void WriteAttachment(Stream output, int lines)
    {
        // A fixed seed: the seeded generator yields the same sequence on every run.
        var random = new Random(20261103);
        var raw = new byte[AttachmentLineBytes];
        var line = new byte[AttachmentLineLength];
        for (var i = 0; i < lines; i++)
        {
            random.NextBytes(raw);
            System.Buffers.Text.Base64.EncodeToUtf8(raw, line, out _, out _);
            line[^2] = (byte)'\r';
            line[^1] = (byte)'\n';
            output.Write(line);
        }
    }
#pragma warning restore CA5394
}
