using System.Buffers;
using System.Text;
using Mailseal.Protection.Envelope;
using MimeKit;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Finds the envelope in a wrapper mail or a bare message.html and gives its bytes as a stream that decodes
/// the base64 of the hidden field as it is read. Anything that is not a Mailseal envelope gets the uniform
/// <see cref="EnvelopeInvalidException"/>: this also reads what strangers upload to the portal.
/// </summary>
public static class EnvelopeExtractor
{
    private static readonly SearchValues<byte> LeadingNoise = SearchValues.Create([(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF]);

    private static readonly byte[] FieldMarker = Encoding.ASCII.GetBytes("name=\"envelope\" value=\"");

    /// <summary>How far into the input the field may start (a wrapper's parts before it, logo included, are far smaller).</summary>
    private const int MaxFieldOffset = 4 * 1024 * 1024;

    /// <summary>
    /// Opens the envelope of <paramref name="input"/> (a wrapper mail or message.html, seekable, at its start).
    /// Our wrappers carry message.html as 7-bit text, so the field is found in the raw bytes without a MIME
    /// parse; a wrapper whose attachment a mail client re-encoded (e.g. as base64) is parsed with MimeKit.
    /// The stream reads from <paramref name="input"/>: keep it open until the envelope stream is disposed.
    /// </summary>
    public static async Task<Stream> OpenAsync(Stream input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.CanSeek)
        {
            throw new ArgumentException("The input must be seekable: spool it first.", nameof(input));
        }

        var start = input.Position;
        var isHtml = await StartsWithMarkupAsync(input, cancellationToken);
        var raw = await OpenFieldAsync(input, owner: null, cancellationToken);
        if (raw is not null)
        {
            return raw;
        }

        if (isHtml)
        {
            throw new EnvelopeInvalidException();
        }

        input.Position = start;
        var wrapper = await LoadWrapperAsync(input, cancellationToken);
        try
        {
            var attachment = wrapper.BodyParts.OfType<MimePart>()
                .FirstOrDefault(p => p.FileName == WrapperMailBuilder.AttachmentFileName && p.ContentType.IsMimeType("text", "html") && p.Content is not null)
                ?? throw new EnvelopeInvalidException();
            return await OpenFieldAsync(attachment.Content!.Open(), wrapper, cancellationToken) ?? throw new EnvelopeInvalidException();
        }
        catch
        {
            wrapper.Dispose();
            throw;
        }
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

    /// <summary>The field's value as a decoding stream, or null when the marker is not within reach.</summary>
    private static async Task<Stream?> OpenFieldAsync(Stream html, IDisposable? owner, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Base64FieldStream.ChunkBytes);
        var after = await SkipToFieldAsync(html, buffer, cancellationToken);
        if (after < 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        return new Base64FieldStream(html, buffer, after, owner);
    }

    /// <summary>
    /// Reads past the field's marker a chunk at a time, with a vectorised search per chunk. The bytes read
    /// after the marker are moved to the start of <paramref name="buffer"/>; returns how many there are, or
    /// -1 when the marker does not start within <see cref="MaxFieldOffset"/>.
    /// </summary>
    private static async Task<int> SkipToFieldAsync(Stream html, byte[] buffer, CancellationToken cancellationToken)
    {
        const int ChunkBytes = Base64FieldStream.ChunkBytes;
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

        return -1;
    }
}
