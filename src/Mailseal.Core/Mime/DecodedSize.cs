using System.Buffers;
using MimeKit;
using MimeKit.IO;

namespace Mailseal.Core.Mime;

/// <summary>
/// The number of bytes a part's download holds, found without decoding where that is possible: base64 is counted
/// (<see cref="Base64DecodedLength"/>), identity encodings are their length, and quoted-printable and uuencode —
/// rare, and whose decoders forgive too much to count by rule — go through the decoder a download uses. The portal
/// lists attachments with it, the rules' AttachmentSizeOver compares it.
/// </summary>
public static class DecodedSize
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The decoded size, or null when it cannot be known without decoding (base64 that is not well-formed).</summary>
    public static long? Of(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Content is not { Stream: { } stream } content)
        {
            return 0;
        }

        switch (content.Encoding)
        {
            case ContentEncoding.Base64:
                return CountBase64(stream);
            case ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary
                when stream.CanSeek:
                return stream.Length;
            default:
                return ByDecoding(part);
        }
    }

    /// <summary>The size MimeKit's decoder gives, whatever the encoding: for base64 that does not count by rule.</summary>
    public static long ByDecoding(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Content is null)
        {
            return 0;
        }

        using var counter = new CountingStream();
        part.Content.DecodeTo(counter);
        return counter.Count;
    }

    private static long? CountBase64(Stream encoded)
    {
        var length = new Base64DecodedLength();
        if (InMemory(encoded) is { } text)
        {
            length.Add(text.Span);
            return length.Result;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            encoded.Seek(0, SeekOrigin.Begin);
            int read;
            while ((read = encoded.Read(chunk, 0, ChunkBytes)) > 0)
            {
                length.Add(chunk.AsSpan(0, read));
            }

            return length.Result;
        }
        finally
        {
            // The chunk held message content; a pooled buffer must not carry it to its next user.
            Array.Clear(chunk, 0, ChunkBytes);
            ArrayPool<byte>.Shared.Return(chunk);
            encoded.Seek(0, SeekOrigin.Begin);
        }
    }

    /// <summary>
    /// The part's bytes where they already lie in memory: a message parsed in place (persistent) from a buffer gives
    /// each part a window on that buffer, which is read without copying.
    /// </summary>
    private static ReadOnlyMemory<byte>? InMemory(Stream encoded)
    {
        if (encoded is not BoundStream { BaseStream: MemoryStream source } window || !source.TryGetBuffer(out var buffer))
        {
            return null;
        }

        var end = window.EndBoundary < 0 ? buffer.Count : window.EndBoundary;
        return window.StartBoundary >= 0 && window.StartBoundary <= end && end <= buffer.Count
            ? buffer.AsMemory((int)window.StartBoundary, (int)(end - window.StartBoundary))
            : null;
    }
}
