using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Mailseal.Protection.Branding;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Writes message.html: one self-contained 7-bit page (CRLF, short lines) with the logo as a data: URI, the
/// texts, and a form that posts the envelope, base64-encoded in a hidden field, to the portal. It has no
/// script, no external resource and no field a recipient types into.
/// </summary>
public static class MessageHtmlWriter
{
    // 57 input bytes make one 76-character base64 line; a chunk is many whole lines.
    private const int BytesPerLine = 57;
    private const int LinesPerChunk = 1024;

    /// <summary>Writes the page, reading the envelope from its current position to its end.</summary>
    public static async Task WriteAsync(
        Stream output,
        EffectiveBranding branding,
        Uri portalUrl,
        Stream envelope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(branding);
        ArgumentNullException.ThrowIfNull(envelope);
        var envelopeUrl = PortalAddresses.Envelope(portalUrl);
        var head = MessageHtmlPage.Head(branding, portalUrl, envelopeUrl);
        var tail = MessageHtmlPage.Tail(branding, portalUrl);

        await output.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await WriteBase64LinesAsync(envelope, output, cancellationToken);
        await output.WriteAsync(Encoding.ASCII.GetBytes(tail), cancellationToken);
    }

    /// <summary>Streams base64 in CRLF-terminated lines of 76 characters without holding the envelope whole.</summary>
    internal static async Task WriteBase64LinesAsync(Stream source, Stream output, CancellationToken cancellationToken)
    {
        const int ChunkBytes = BytesPerLine * LinesPerChunk;
        var input = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes));
        var lines = ArrayPool<byte>.Shared.Rent(LinesPerChunk * (HtmlLineBuilder.MaxLineLength + 2));
        try
        {
            while (true)
            {
                // Whole chunks keep every line but the last exactly 76 characters long.
                var read = await source.ReadAtLeastAsync(input.AsMemory(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                Base64.EncodeToUtf8(input.AsSpan(0, read), encoded, out _, out var written);
                var length = SplitIntoLines(encoded.AsSpan(0, written), lines);
                await output.WriteAsync(lines.AsMemory(0, length), cancellationToken);
                if (read < ChunkBytes)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(lines);
            ArrayPool<byte>.Shared.Return(encoded);
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static int SplitIntoLines(ReadOnlySpan<byte> base64, Span<byte> destination)
    {
        var length = 0;
        while (!base64.IsEmpty)
        {
            var line = base64[..Math.Min(HtmlLineBuilder.MaxLineLength, base64.Length)];
            line.CopyTo(destination[length..]);
            length += line.Length;
            destination[length++] = (byte)'\r';
            destination[length++] = (byte)'\n';
            base64 = base64[line.Length..];
        }

        return length;
    }
}
