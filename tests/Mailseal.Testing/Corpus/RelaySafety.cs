using System.Text;

namespace Mailseal.Testing.Corpus;

/// <summary>
/// Decides whether a real MTA (Postfix, for one) would pass a message on with nothing changed but the trace
/// fields it prepends: SMTP can carry it (<see cref="SmtpCarriability"/>), and its header block is complete,
/// so the MTA has no reason to add a missing From, Date or Message-ID or to treat headers as body.
/// </summary>
public static class RelaySafety
{
    /// <summary>Postfix bounces a message with more Received fields than its hopcount_limit (50) as a loop.</summary>
    public const int MaximumReceivedFields = 49;

    private static readonly string[] RequiredOnce = ["from", "date", "message-id"];

    public static bool IsRelaySafe(ReadOnlySpan<byte> message) => Explain(message) is null;

    /// <summary>Why an MTA might alter the message, or null if it should not.</summary>
    public static string? Explain(ReadOnlySpan<byte> message)
    {
        if (SmtpCarriability.Explain(message) is { } reason)
        {
            return reason;
        }

        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rest = message;
        var first = true;
        while (true)
        {
            var end = rest.IndexOf("\r\n"u8);
            if (end < 0)
            {
                return "header block does not end with an empty line";
            }

            var line = rest[..end];
            rest = rest[(end + 2)..];
            if (line.IsEmpty)
            {
                break;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (first)
                {
                    return "header block starts with a continuation line";
                }

                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[..colon].ContainsAnyExceptInRange((byte)0x21, (byte)0x7E))
            {
                return $"not a header field: {Encoding.Latin1.GetString(line[..Math.Min(line.Length, 40)])}";
            }

            var name = Encoding.ASCII.GetString(line[..colon]);
            counts[name] = counts.GetValueOrDefault(name) + 1;
            first = false;
        }

        var missing = RequiredOnce.FirstOrDefault(name => counts.GetValueOrDefault(name) != 1);
        if (missing is not null)
        {
            return $"{missing} appears {counts.GetValueOrDefault(missing)} times instead of once";
        }

        return counts.GetValueOrDefault("received") > MaximumReceivedFields ? "too many Received fields" : null;
    }
}
