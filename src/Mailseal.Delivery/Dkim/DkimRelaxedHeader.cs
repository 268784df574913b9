using System.Buffers;
using System.Text;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// "relaxed" header canonicalization (RFC 6376 §3.4.2): the name in lower case, the value unfolded, each run of
/// whitespace as one space, none at either end. Line-break bytes count as whitespace, as in MimeKit's verifier, so a
/// fold written with a bare LF canonicalizes like one written with CRLF.
/// </summary>
internal static class DkimRelaxedHeader
{
    /// <summary>Writes "name:value" in relaxed form, followed by CRLF when <paramref name="lineBreak"/> is set.</summary>
    public static void Write(IBufferWriter<byte> output, string name, ReadOnlySpan<byte> rawValue, bool lineBreak)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(name);
        Encoding.ASCII.GetBytes(name.ToLowerInvariant(), output);
        output.Write(":"u8);
        var value = rawValue.Trim(" \t\r\n"u8);
        while (!value.IsEmpty)
        {
            var blank = value.IndexOfAny(" \t\r\n"u8);
            if (blank < 0)
            {
                output.Write(value);
                break;
            }

            output.Write(value[..blank]);
            output.Write(" "u8);
            value = value[blank..].TrimStart(" \t\r\n"u8);
        }

        if (lineBreak)
        {
            output.Write("\r\n"u8);
        }
    }
}
