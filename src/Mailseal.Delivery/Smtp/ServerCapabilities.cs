using System.Globalization;

namespace Mailseal.Delivery.Smtp;

/// <summary>The EHLO keywords the client acts on.</summary>
internal sealed record ServerCapabilities(bool StartTls, bool Pipelining, bool EightBitMime, bool SmtpUtf8, bool Size, long? MaxSize, bool AuthPlain = false)
{
    public static readonly ServerCapabilities None = new(false, false, false, false, false, null);

    public static ServerCapabilities FromEhlo(SmtpReply reply)
    {
        var capabilities = None;
        foreach (var line in reply.Lines.Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            capabilities = parts[0].ToUpperInvariant() switch
            {
                "STARTTLS" => capabilities with { StartTls = true },
                "PIPELINING" => capabilities with { Pipelining = true },
                "8BITMIME" => capabilities with { EightBitMime = true },
                "SMTPUTF8" => capabilities with { SmtpUtf8 = true },
                "AUTH" => capabilities with { AuthPlain = parts.Skip(1).Contains("PLAIN", StringComparer.OrdinalIgnoreCase) },
                "SIZE" => capabilities with
                {
                    Size = true,
                    MaxSize = parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
                        ? max
                        : null,
                },
                _ => capabilities,
            };
        }

        return capabilities;
    }
}
