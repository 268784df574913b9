using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Mailseal.Protection.Envelope;
using MimeKit;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Finds the envelope in a wrapper mail or a bare message.html and writes its bytes, decoding the
/// base64 of the hidden field as it streams. Anything that is not a Mailseal envelope gets the uniform
/// <see cref="EnvelopeInvalidException"/>: this also reads what strangers upload to the portal.
/// </summary>
public static class EnvelopeExtractor
{
    private static readonly SearchValues<byte> LeadingNoise = SearchValues.Create([(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF]);

    private static readonly SearchValues<byte> WhiteSpace = SearchValues.Create(" \t\r\n"u8);

    private static readonly SearchValues<byte> Base64OrWhiteSpace =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);

    private static readonly byte[] FieldMarker = Encoding.ASCII.GetBytes("name=\"envelope\" value=\"");

    /// <summary>How far into message.html the field may start (the page's head with its logo is far smaller).</summary>
    private const int MaxFieldOffset = 4 * 1024 * 1024;

    private const int ChunkBytes = 1 << 16;

    /// <param name="input">A wrapper mail or message.html, seekable, at its start.</param>
    /// <param name="envelopeOutput">Receives the envelope's bytes.</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    public static async Task ExtractAsync(Stream input, Stream envelopeOutput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.CanSeek)
        {
            throw new ArgumentException("The input must be seekable: spool it first.", nameof(input));
        }

        if (await StartsWithMarkupAsync(input, cancellationToken))
        {
            await ExtractFromHtmlAsync(new BufferedStream(input, 1 << 16), envelopeOutput, cancellationToken);
            return;
        }

        using var wrapper = await LoadWrapperAsync(input, cancellationToken);
        var attachment = wrapper.BodyParts.OfType<MimePart>()
            .FirstOrDefault(p => p.FileName == WrapperMailBuilder.AttachmentFileName && p.ContentType.IsMimeType("text", "html") && p.Content is not null)
            ?? throw new EnvelopeInvalidException();
        await using var html = attachment.Content!.Open();
        await ExtractFromHtmlAsync(new BufferedStream(html, 1 << 16), envelopeOutput, cancellationToken);
    }

    private static async Task<MimeMessage> LoadWrapperAsync(Stream input, CancellationToken cancellationToken)
    {
        try
        {
            return await new MimeParser(input, MimeFormat.Entity, persistent: true).ParseMessageAsync(cancellationToken);
        }
        catch (FormatException)
        {
            throw new EnvelopeInvalidException();
        }
    }

    /// <summary>message.html starts with markup (after white space or a byte-order mark); a wrapper mail with a header name.</summary>
    private static async Task<bool> StartsWithMarkupAsync(Stream input, CancellationToken cancellationToken)
    {
        var start = input.Position;
        var probe = new byte[256];
        var read = await input.ReadAtLeastAsync(probe, probe.Length, throwOnEndOfStream: false, cancellationToken);
        input.Position = start;
        var first = probe.AsSpan(0, read).IndexOfAnyExcept(LeadingNoise);
        return first >= 0 ? probe[first] == (byte)'<' : throw new EnvelopeInvalidException();
    }

    private static async Task ExtractFromHtmlAsync(Stream html, Stream envelopeOutput, CancellationToken cancellationToken)
    {
        var text = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var decoded = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var read = await SkipToFieldAsync(html, text, cancellationToken);
            var pending = 0;
            while (true)
            {
                if (read == 0)
                {
                    read = await html.ReadAsync(text.AsMemory(pending, ChunkBytes - pending), cancellationToken);
                    if (read == 0)
                    {
                        throw new EnvelopeInvalidException();
                    }
                }

                var (usable, ended) = CompactBase64(text.AsSpan(pending, read));
                read = 0;
                pending += usable;
                var whole = ended ? pending : pending - (pending % 4);
                if (Base64.DecodeFromUtf8(text.AsSpan(0, whole), decoded, out var consumed, out var written, isFinalBlock: ended) != OperationStatus.Done
                    || consumed != whole)
                {
                    throw new EnvelopeInvalidException();
                }

                await envelopeOutput.WriteAsync(decoded.AsMemory(0, written), cancellationToken);
                text.AsSpan(whole, pending - whole).CopyTo(text);
                pending -= whole;
                if (ended)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    /// <summary>
    /// Removes line breaks in place and stops at the closing quote. Returns how many base64 characters are
    /// left and whether the value ended; anything but base64, padding and white space is not an envelope.
    /// Vectorised searches rather than a test per byte: this runs over every byte of a 25 MB envelope.
    /// </summary>
    private static (int Usable, bool Ended) CompactBase64(Span<byte> chunk)
    {
        var end = chunk.IndexOf((byte)'"');
        var value = end >= 0 ? chunk[..end] : chunk;
        if (value.ContainsAnyExcept(Base64OrWhiteSpace))
        {
            throw new EnvelopeInvalidException();
        }

        var kept = 0;
        while (!value.IsEmpty)
        {
            var run = value.IndexOfAny(WhiteSpace);
            run = run < 0 ? value.Length : run;
            value[..run].CopyTo(chunk[kept..]);
            kept += run;
            var next = value[run..].IndexOfAnyExcept(WhiteSpace);
            value = next < 0 ? [] : value[(run + next)..];
        }

        return (kept, end >= 0);
    }

    /// <summary>
    /// Reads past the field's marker, a chunk at a time. The bytes read after the marker are moved to the
    /// start of <paramref name="buffer"/>; returns how many there are.
    /// </summary>
    private static async Task<int> SkipToFieldAsync(Stream html, byte[] buffer, CancellationToken cancellationToken)
    {
        var carried = 0;
        long bufferOffset = 0;
        while (bufferOffset < MaxFieldOffset)
        {
            var read = await html.ReadAsync(buffer.AsMemory(carried, ChunkBytes - carried), cancellationToken);
            if (read == 0)
            {
                break;
            }

            var filled = carried + read;
            var at = buffer.AsSpan(0, filled).IndexOf(FieldMarker);
            if (at >= 0)
            {
                var after = at + FieldMarker.Length;
                if (bufferOffset + after > MaxFieldOffset)
                {
                    break;
                }

                buffer.AsSpan(after, filled - after).CopyTo(buffer);
                return filled - after;
            }

            // Keep a tail that may hold the start of a marker split across reads.
            carried = Math.Min(filled, FieldMarker.Length - 1);
            buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
            bufferOffset += filled - carried;
        }

        throw new EnvelopeInvalidException();
    }
}
