using MimeKit;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Copies the headers recipients need from the original message, byte for byte as the sender folded them,
/// and nothing else: Bcc and every other header stay behind.
/// </summary>
internal static class WrapperHeaders
{
    public static readonly IReadOnlySet<HeaderId> Kept = new HashSet<HeaderId>
    {
        HeaderId.From,
        HeaderId.Sender,
        HeaderId.To,
        HeaderId.Cc,
        HeaderId.Date,
        HeaderId.Subject,
        HeaderId.MessageId,
        HeaderId.InReplyTo,
        HeaderId.References,
    };

    /// <summary>Writes the kept headers in their original order, each ending in CRLF.</summary>
    public static void WriteKept(HeaderList original, Stream output)
    {
        ArgumentNullException.ThrowIfNull(original);
        foreach (var header in original)
        {
            if (!Kept.Contains(header.Id))
            {
                continue;
            }

            output.Write(header.RawField);
            output.WriteByte((byte)':');
            output.Write(NormalizeFolding(header.RawValue));
            output.WriteByte((byte)'\r');
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>
    /// Turns every line break into CRLF and makes sure each one is followed by white space, so that the value
    /// stays one header whatever it holds (a header built by code may carry a bare CR or LF).
    /// </summary>
    internal static byte[] NormalizeFolding(ReadOnlySpan<byte> rawValue)
    {
        var value = rawValue.TrimEnd("\r\n"u8);
        var result = new List<byte>(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is not ((byte)'\r' or (byte)'\n'))
            {
                result.Add(value[i]);
                continue;
            }

            while (i + 1 < value.Length && value[i + 1] is (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            result.Add((byte)'\r');
            result.Add((byte)'\n');
            if (i + 1 >= value.Length || value[i + 1] is not ((byte)' ' or (byte)'\t'))
            {
                result.Add((byte)' ');
            }
        }

        return [.. result];
    }
}
