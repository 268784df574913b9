using System.Buffers;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// Copies message bytes into the DATA stream unchanged except for RFC 5321 §4.5.2 transparency: a line that
/// starts with "." gets a second one. Lines are taken to start after any LF, so that a bare LF followed by
/// "." can never end the data early at a lenient next hop. Buffers come from the shared pool.
/// </summary>
internal static class DotStuffingWriter
{
    // A 50 KB message and its wrapper (about 96 KB) go out in one write with the terminator: with TCP_NODELAY every
    // write is a segment the next hop wakes up for. A few bytes under 128 KiB, so that the output (twice the input and
    // the terminator) fits the pool's 256 KiB arrays instead of rounding up to 512 KiB.
    internal const int ChunkSize = (128 * 1024) - 8;

    private static readonly byte[] Terminator = "\r\n.\r\n"u8.ToArray();

    /// <summary>
    /// Writes <paramref name="source"/> and the terminating CRLF.CRLF, in full chunks with the terminator in the last;
    /// <paramref name="beforeWrite"/> runs before each write (to re-arm a timeout).
    /// </summary>
    public static async Task WriteAsync(Stream source, Stream destination, Action beforeWrite, CancellationToken cancellationToken)
    {
        var input = ArrayPool<byte>.Shared.Rent(ChunkSize);
        // Worst case every byte is a "." after a LF, so the output needs twice the input, and the terminator.
        var output = ArrayPool<byte>.Shared.Rent((ChunkSize * 2) + Terminator.Length);
        try
        {
            var atLineStart = true;
            byte beforeLast = 0, last = 0;
            bool end;
            do
            {
                var read = await source.ReadAtLeastAsync(input.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken);
                end = read < ChunkSize;
                var written = Stuff(input.AsSpan(0, read), output, ref atLineStart);
                (beforeLast, last) = read switch
                {
                    0 => (beforeLast, last),
                    1 => (last, input[0]),
                    _ => (input[read - 2], input[read - 1]),
                };
                if (end)
                {
                    var terminator = beforeLast == '\r' && last == '\n' ? Terminator.AsSpan(2) : Terminator;
                    terminator.CopyTo(output.AsSpan(written));
                    written += terminator.Length;
                }

                beforeWrite();
                await destination.WriteAsync(output.AsMemory(0, written), cancellationToken);
            }
            while (!end);

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
