using Mailseal.Core.Administration;
using Mailseal.Core.Dkim;

namespace Mailseal.Delivery.Dkim;

/// <summary>The admin service's view of DKIM keys, over <see cref="DkimKeyManager"/>: public records only.</summary>
public sealed class DkimKeyAdministration(DkimKeyManager keys) : IDkimKeyAdministration
{
    public async Task<IReadOnlyList<DkimKeyInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await keys.ListAsync(cancellationToken)).Select(ToInfo)];

    public async Task<DkimKeyInfo> CreateAsync(string domain, string selector, int keySizeBits, CancellationToken cancellationToken = default) =>
        ToInfo(await keys.CreateAsync(domain, selector, keySizeBits, cancellationToken));

    public void Check(string domain, string selector, int keySizeBits) => DkimKeyManager.Check(domain, selector, keySizeBits);

    private static DkimKeyInfo ToInfo(DkimKey key) => new(
        key.Domain, key.Selector, key.KeySizeBits, key.CreatedAt, key.DnsName, DkimDnsRecord.Value(key), DkimDnsRecord.ZoneFileLine(key));
}
