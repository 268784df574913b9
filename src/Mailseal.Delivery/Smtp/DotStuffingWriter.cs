using System.Buffers;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// Copies message bytes into the DATA stream unchanged except for RFC 5321 §4.5.2 transparency: a line that
/// starts with "." gets a second one. Lines are taken to start after any LF, so that a bare LF followed by
/// "." can never end the data early at a lenient next hop. Buffers come from the shared pool.
/// </summary>
internal static class DotStuffingWriter
{
    private const int ChunkSize = 64 * 1024;

    private static readonly byte[] Terminator = "\r\n.\r\n"u8.ToArray();

    /// <summary>Writes <paramref name="source"/> and the terminating CRLF.CRLF; <paramref name="beforeWrite"/> runs before each write (to re-arm a timeout).</summary>
    public static async Task WriteAsync(Stream source, Stream destination, Action beforeWrite, CancellationToken cancellationToken)
    {
        var input = ArrayPool<byte>.Shared.Rent(ChunkSize);
        // Worst case every byte is a "." after a LF, so the output needs twice the input.
        var output = ArrayPool<byte>.Shared.Rent(ChunkSize * 2);
        try
        {
            var atLineStart = true;
            var endsWithCrLf = false;
            byte previous = 0;
            int read;
            while ((read = await source.ReadAsync(input.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                var written = Stuff(input.AsSpan(0, read), output, ref atLineStart);
                endsWithCrLf = read >= 2 ? input[read - 2] == '\r' && input[read - 1] == '\n' : previous == '\r' && input[0] == '\n';
                previous = input[read - 1];
                beforeWrite();
                await destination.WriteAsync(output.AsMemory(0, written), cancellationToken);
            }

            beforeWrite();
            var terminator = endsWithCrLf ? Terminator.AsMemory(2) : Terminator.AsMemory();
            await destination.WriteAsync(terminator, cancellationToken);
            await destination.FlushAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    private static int Stuff(ReadOnlySpan<byte> input, Span<byte> output, ref bool atLineStart)
    {
        var written = 0;
        while (!input.IsEmpty)
        {
            if (atLineStart && input[0] == '.')
            {
                output[written++] = (byte)'.';
            }

            var newline = input.IndexOf((byte)'\n');
            var length = newline < 0 ? input.Length : newline + 1;
            input[..length].CopyTo(output[written..]);
            written += length;
            atLineStart = newline >= 0;
            input = input[length..];
        }

        return written;
    }
}
