using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Mailseal.Testing.Corpus;

/// <summary>
/// Writes a well-formed multipart/mixed message of an exact size: a short text body padded with filler
/// lines and one large base64 attachment of seeded bytes. CRLF throughout, 76-character base64 lines,
/// so SMTP can carry it unchanged. Streams to disk: a 25 MB message never sits whole in memory.
/// </summary>
internal static class LargeMessageWriter
{
    private const int BytesPerLine = 57; // 57 bytes encode to one 76-character base64 line.

    public static void Write(string path, long size)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"large-{size}.eml");
        var boundary = string.Create(CultureInfo.InvariantCulture, $"=_ms_large_{size}");
        var head = Encoding.ASCII.GetBytes(
            $"From: {CorpusPeople.Ada}\r\nTo: {CorpusPeople.Bruno}\r\nSubject: Large attachment ({size} bytes)\r\n" +
            $"Date: {MimeKit.Utils.DateUtils.FormatDate(CorpusMessage.DateFor(name))}\r\nMessage-ID: <{CorpusMessage.MessageIdFor(name)}>\r\n" +
            $"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n" +
            $"--{boundary}\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" +
            "The survey scans are attached as one archive.\r\n");
        var attachmentHead = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Type: application/octet-stream; name=scans.bin\r\nContent-Transfer-Encoding: base64\r\n" +
            "Content-Disposition: attachment; filename=scans.bin\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"--{boundary}--\r\n");

        var fixedLength = head.Length + attachmentHead.Length + tail.Length;
        var payloadBytes = LargestPayloadFitting(size - fixedLength - 2);
        var filler = size - fixedLength - EncodedLength(payloadBytes);
        if (payloadBytes <= 0 || filler < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Too small for a large corpus message.");
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write(head);
        stream.Write(FillerLines(filler));
        stream.Write(attachmentHead);
        WritePayload(stream, SeededBytes.FromText(name), payloadBytes);
        stream.Write(tail);
        stream.Flush(flushToDisk: false);
        if (stream.Length != size)
        {
            throw new InvalidOperationException($"Large message came out at {stream.Length} bytes instead of {size}.");
        }
    }

    /// <summary>Base64 of <paramref name="bytes"/> in 76-character lines, each ending in CRLF.</summary>
    private static long EncodedLength(long bytes)
    {
        var fullLines = bytes / BytesPerLine;
        var rest = bytes % BytesPerLine;
        return (fullLines * 78) + (rest == 0 ? 0 : (((rest + 2) / 3) * 4) + 2);
    }

    private static long LargestPayloadFitting(long budget)
    {
        var bytes = budget / 78 * BytesPerLine;
        while (EncodedLength(bytes + 1) <= budget)
        {
            bytes++;
        }

        return bytes;
    }

    /// <summary>Exactly <paramref name="length"/> (≥ 2) bytes of short text lines ending in CRLF.</summary>
    private static byte[] FillerLines(long length)
    {
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            var remaining = (int)(length - builder.Length);
            var line = remaining > 74 + 4 ? 74 : remaining - 2;
            builder.Append('~', line).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static void WritePayload(Stream stream, SeededBytes random, long totalBytes)
    {
        var raw = new byte[BytesPerLine * 1024];
        var encoded = new byte[78 * 1024];
        for (long written = 0; written < totalBytes;)
        {
            var chunk = (int)Math.Min(raw.Length, totalBytes - written);
            random.Fill(raw.AsSpan(0, chunk));
            var output = 0;
            for (var offset = 0; offset < chunk; offset += BytesPerLine)
            {
                var lineBytes = Math.Min(BytesPerLine, chunk - offset);
                Base64.EncodeToUtf8(raw.AsSpan(offset, lineBytes), encoded.AsSpan(output), out _, out var producedBytes);
                output += producedBytes;
                encoded[output++] = (byte)'\r';
                encoded[output++] = (byte)'\n';
            }

            stream.Write(encoded, 0, output);
            written += chunk;
        }
    }
}
