namespace Mailseal.Core.Administration;

/// <summary>
/// A DKIM key as New-DkimSigningConfig shows it: the public record to publish, never the private key.
/// <see cref="DnsName"/> is where the record goes (&lt;selector&gt;._domainkey.&lt;domain&gt;), <see cref="TxtValue"/>
/// its value ("v=DKIM1; k=rsa; p=…"), <see cref="ZoneFileLine"/> the record in zone-file form.
/// </summary>
public sealed record DkimKeyInfo(
    string Domain,
    string Selector,
    int KeySizeBits,
    DateTimeOffset CreatedAt,
    string DnsName,
    string TxtValue,
    string ZoneFileLine);
