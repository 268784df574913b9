namespace Mailseal.Core.Administration;

/// <summary>Tenant key management for the admin service; Mailseal.Protection implements it over its key manager.</summary>
public interface ITenantKeyAdministration
{
    Task<IReadOnlyList<TenantKeyInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The first keys when there are none, otherwise a rotation. Returns the keys made.</summary>
    Task<IReadOnlyList<TenantKeyInfo>> CreateAsync(NewTenantKeysRequest request, CancellationToken cancellationToken = default);

    /// <summary>Retires a key from sealing (it still unseals); false when there is no such key.</summary>
    Task<bool> RetireAsync(string keyId, CancellationToken cancellationToken = default);
}
