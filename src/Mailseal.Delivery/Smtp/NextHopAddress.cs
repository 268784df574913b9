using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mailseal.Delivery.Smtp;

/// <summary>A next hop as host and port, parsed from "host:port", "host", "[v6]:port" or "[v6]".</summary>
public sealed record NextHopAddress(string Host, int Port)
{
    public const int DefaultPort = 25;

    public static bool TryParse(string text, [NotNullWhen(true)] out NextHopAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon < 0 ? text : text[..colon];
            port = colon < 0 ? null : text[(colon + 1)..];
        }

        var number = DefaultPort;
        if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal) && !text.StartsWith('[')
            || port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            return false;
        }

        address = new NextHopAddress(host, number);
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
