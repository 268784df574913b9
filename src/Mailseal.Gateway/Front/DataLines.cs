using System.Buffers;

namespace Mailseal.Gateway.Front;

/// <summary>Byte-level questions about one line of DATA (a sequence ending in LF).</summary>
internal static class DataLines
{
    public static byte ByteAt(ReadOnlySequence<byte> sequence, long index) =>
        sequence.Slice(index, 1).FirstSpan[0];

    /// <summary>True for exactly "." CRLF, the only line that can end data.</summary>
    public static bool IsDotCrlf(ReadOnlySequence<byte> line) =>
        line.Length == 3 && ByteAt(line, 0) == '.' && ByteAt(line, 1) == '\r' && ByteAt(line, 2) == '\n';

    /// <summary>NUL anywhere, and CR anywhere but right before the final LF of a CRLF line.</summary>
    public static DataViolation FindForbiddenBytes(ReadOnlySequence<byte> line, bool endsWithCrlf)
    {
        var violation = DataViolation.None;
        var allowedCr = endsWithCrlf ? line.Length - 2 : -1;
        long offset = 0;
        foreach (var segment in line)
        {
            var span = segment.Span;
            var start = 0;
            int index;
            while ((index = span[start..].IndexOfAny((byte)0, (byte)'\r')) >= 0)
            {
                var position = start + index;
                violation |= span[position] == 0 ? DataViolation.NulByte
                    : offset + position != allowedCr ? DataViolation.BareNewline
                    : DataViolation.None;
                start = position + 1;
            }

            offset += span.Length;
        }

        return violation;
    }
}
