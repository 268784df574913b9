using System.Text;
using Mailseal.Core.Dkim;

namespace Mailseal.Delivery.Dkim;

/// <summary>The DNS TXT record that publishes a DKIM public key (RFC 6376 §3.6.1).</summary>
public static class DkimDnsRecord
{
    /// <summary>A character-string in a TXT record holds at most 255 bytes (RFC 1035 §3.3).</summary>
    public const int MaxStringLength = 255;

    /// <summary>The record's value: "v=DKIM1; k=rsa; p=&lt;base64 SubjectPublicKeyInfo&gt;".</summary>
    public static string Value(DkimKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(key.PublicKey);
    }

    /// <summary>
    /// The record in zone-file form, its value split into strings of at most 255 characters, which resolvers
    /// join again: <c>s._domainkey.example.com. IN TXT "v=DKIM1; k=rsa; p=…" "…"</c>.
    /// </summary>
    public static string ZoneFileLine(DkimKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var line = new StringBuilder(key.DnsName).Append(". IN TXT");
        foreach (var part in Split(Value(key)))
        {
            line.Append(" \"").Append(part).Append('"');
        }

        return line.ToString();
    }

    public static IReadOnlyList<string> Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Chunk(MaxStringLength).Select(chars => new string(chars)).ToList();
    }
}
