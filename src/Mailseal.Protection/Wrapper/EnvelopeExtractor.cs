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

    private static readonly byte[] FieldMarker = Encoding.ASCII.GetBytes("name=\"envelope\" value=\"");

    /// <summary>How far into message.html the field may start (the page's head with its logo is far smaller).</summary>
    private const int MaxFieldOffset = 4 * 1024 * 1024;

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
        await SkipToFieldAsync(html, cancellationToken);
        var text = ArrayPool<byte>.Shared.Rent(1 << 16);
        var decoded = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var pending = 0;
            while (true)
            {
                var read = await html.ReadAsync(text.AsMemory(pending, (1 << 16) - pending), cancellationToken);
                if (read == 0)
                {
                    throw new EnvelopeInvalidException();
                }

                var (usable, ended) = CompactBase64(text.AsSpan(pending, read));
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
    /// </summary>
    private static (int Usable, bool Ended) CompactBase64(Span<byte> chunk)
    {
        var kept = 0;
        foreach (var b in chunk)
        {
            if (b == (byte)'"')
            {
                return (kept, true);
            }

            if (b is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
            {
                continue;
            }

            if (!IsBase64(b))
            {
                throw new EnvelopeInvalidException();
            }

            chunk[kept++] = b;
        }

        return (kept, false);
    }

    private static bool IsBase64(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'+' or (byte)'/' or (byte)'=';

    private static async Task SkipToFieldAsync(Stream html, CancellationToken cancellationToken)
    {
        var matched = 0;
        var one = new byte[1];
        for (var offset = 0; offset < MaxFieldOffset; offset++)
        {
            if (await html.ReadAsync(one, cancellationToken) == 0)
            {
                break;
            }

            matched = one[0] == FieldMarker[matched] ? matched + 1 : one[0] == FieldMarker[0] ? 1 : 0;
            if (matched == FieldMarker.Length)
            {
                return;
            }
        }

        throw new EnvelopeInvalidException();
    }
}
