namespace Mailseal.Core.Tenancy;

/// <summary>Holds the deployment's one tenant record.</summary>
public interface ITenantStore
{
    Task<Tenant?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="candidate"/> when no tenant exists yet; returns the stored tenant either way.</summary>
    Task<Tenant> GetOrCreateAsync(Tenant candidate, CancellationToken cancellationToken = default);
}
