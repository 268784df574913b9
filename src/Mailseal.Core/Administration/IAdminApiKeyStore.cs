namespace Mailseal.Core.Administration;

/// <summary>Persistence of admin API keys (hashes only).</summary>
public interface IAdminApiKeyStore
{
    /// <summary>Adds a key; throws <see cref="InvalidOperationException"/> when the id exists.</summary>
    Task AddAsync(AdminApiKey key, CancellationToken cancellationToken = default);

    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<AdminApiKey>> ListAsync(CancellationToken cancellationToken = default);

    Task<AdminApiKey?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Marks a key revoked; returns false when no key has that id or it was revoked already.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    Task MarkUsedAsync(string id, DateTimeOffset usedAt, CancellationToken cancellationToken = default);
}
