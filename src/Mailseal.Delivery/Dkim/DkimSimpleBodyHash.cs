using System.Buffers;
using System.Security.Cryptography;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// The DKIM body hash with "simple" body canonicalization (RFC 6376 §3.4.3), computed with the platform's SHA-256 over
/// the body bytes as they are: only empty lines at the end are reduced to one CRLF (and one is added when the body lacks
/// it). A bare LF is hashed as CRLF, because every MTA on the way turns it into one; a bare CR is an ordinary byte.
/// Long runs of bytes go to the hash unchanged, so the cost is the hash itself.
/// </summary>
internal static class DkimSimpleBodyHash
{
    private const int BufferSize = 64 * 1024;
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    /// <summary>Hashes <paramref name="body"/> from its position to its end.</summary>
    public static byte[] Compute(Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var state = new State();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = body.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Append(hash, ref state, buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (state.PendingCr)
        {
            // A CR at the very end is content, not half a line break.
            WriteOwedLineBreaks(hash, ref state);
            hash.AppendData(CrLf.AsSpan(0, 1));
        }

        // Simple canonicalization ends every body, even an empty one, with exactly one CRLF.
        hash.AppendData(CrLf);
        return hash.GetHashAndReset();
    }

    private static void Append(IncrementalHash hash, ref State state, ReadOnlySpan<byte> chunk)
    {
        if (state.PendingCr)
        {
            state.PendingCr = false;
            if (chunk[0] == (byte)'\n')
            {
                state.OwedLineBreaks++;
                chunk = chunk[1..];
            }
            else
            {
                WriteOwedLineBreaks(hash, ref state);
                hash.AppendData(CrLf.AsSpan(0, 1));
            }
        }

        // A CR at the end of the chunk may be the first half of a CRLF: decide with the next chunk.
        if (!chunk.IsEmpty && chunk[^1] == (byte)'\r')
        {
            state.PendingCr = true;
            chunk = chunk[..^1];
        }

        // Line breaks at the end of the chunk are held back: they vanish if nothing but line breaks follows.
        var end = chunk.Length;
        var trailing = 0;
        while (end > 0 && chunk[end - 1] == (byte)'\n')
        {
            trailing++;
            end -= end > 1 && chunk[end - 2] == (byte)'\r' ? 2 : 1;
        }

        if (end > 0)
        {
            WriteOwedLineBreaks(hash, ref state);
            AppendWithCrLf(hash, chunk[..end]);
        }

        state.OwedLineBreaks += trailing;
    }

    /// <summary>Appends <paramref name="content"/>, each bare LF as CRLF.</summary>
    private static void AppendWithCrLf(IncrementalHash hash, ReadOnlySpan<byte> content)
    {
        var start = 0;
        var searchFrom = 0;
        while (true)
        {
            var found = content[searchFrom..].IndexOf((byte)'\n');
            if (found < 0)
            {
                break;
            }

            var lf = searchFrom + found;
            if (lf == 0 || content[lf - 1] != (byte)'\r')
            {
                hash.AppendData(content[start..lf]);
                hash.AppendData(CrLf);
                start = lf + 1;
            }

            searchFrom = lf + 1;
        }

        hash.AppendData(content[start..]);
    }

    private static void WriteOwedLineBreaks(IncrementalHash hash, ref State state)
    {
        for (; state.OwedLineBreaks > 0; state.OwedLineBreaks--)
        {
            hash.AppendData(CrLf);
        }
    }

    private struct State
    {
        /// <summary>Line breaks read but not yet hashed: hashed before the next content, dropped at the end.</summary>
        public long OwedLineBreaks;

        public bool PendingCr;
    }
}
