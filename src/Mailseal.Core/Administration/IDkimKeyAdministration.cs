namespace Mailseal.Core.Administration;

/// <summary>DKIM key management for the admin service; Mailseal.Delivery implements it over its DKIM key manager.</summary>
public interface IDkimKeyAdministration
{
    Task<IReadOnlyList<DkimKeyInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes a key for the domain and selector; from then on it signs that domain's mail.</summary>
    Task<DkimKeyInfo> CreateAsync(string domain, string selector, int keySizeBits, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="ArgumentException"/> when <see cref="CreateAsync"/> would refuse these values.</summary>
    void Check(string domain, string selector, int keySizeBits);
}
