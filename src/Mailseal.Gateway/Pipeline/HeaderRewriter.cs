using Mailseal.Core.Rules;
using MimeKit;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// Applies SetHeader and PrependSubject by rewriting the header block only: the fields are re-emitted
/// (untouched ones with their raw bytes) and the body is copied byte for byte.
/// </summary>
public static class HeaderRewriter
{
    public static bool HasChanges(RecipientDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Headers.Count > 0 || decision.SubjectPrefix is not null;
    }

    /// <summary>Writes <paramref name="message"/> (seekable) to <paramref name="output"/> with the decision's header changes.</summary>
    public static async Task WriteAsync(Stream message, RecipientDecision decision, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(output);
        message.Position = 0;
        var headerLength = await HeaderBlockLengthAsync(message, cancellationToken);
        message.Position = 0;
        var headerBytes = new byte[headerLength];
        await message.ReadExactlyAsync(headerBytes, cancellationToken);
        using var headerStream = new MemoryStream([.. headerBytes, (byte)'\r', (byte)'\n']);
        var headers = await HeaderList.LoadAsync(ParserOptions.Default, headerStream, cancellationToken);
        foreach (var header in decision.Headers)
        {
            headers.RemoveAll(header.Name);
            headers.Add(header.Name, header.Value);
        }

        if (decision.SubjectPrefix is { } prefix)
        {
            headers[HeaderId.Subject] = prefix + (headers[HeaderId.Subject] is { } subject ? subject.TrimStart() : "");
        }

        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        // HeaderList writes the blank line that ends the header block: the body is copied from after ours.
        await headers.WriteToAsync(format, output, cancellationToken);
        message.Position = Math.Min(headerLength + 2, message.Length);
        await message.CopyToAsync(output, cancellationToken);
    }

    /// <summary>Bytes up to and including the CRLF of the last header line (the blank line is the body's).</summary>
    private static async Task<long> HeaderBlockLengthAsync(Stream message, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long offset = 0;
        var previous = new byte[3];
        var carried = 0;
        while (true)
        {
            var read = await message.ReadAsync(buffer.AsMemory(carried), cancellationToken);
            if (read == 0)
            {
                return offset + carried;
            }

            var span = buffer.AsSpan(0, carried + read);
            if (offset == 0 && span.StartsWith("\r\n"u8))
            {
                return 0;
            }

            var at = span.IndexOf("\r\n\r\n"u8);
            if (at >= 0)
            {
                return offset + at + 2;
            }

            carried = Math.Min(3, span.Length);
            span[^carried..].CopyTo(previous);
            offset += span.Length - carried;
            previous.AsSpan(0, carried).CopyTo(buffer);
        }
    }
}
