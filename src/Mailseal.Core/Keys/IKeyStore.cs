namespace Mailseal.Core.Keys;

/// <summary>Persistence of tenant keys. Implementations never see a plaintext secret.</summary>
public interface IKeyStore
{
    Task<IReadOnlyList<KeyRecord>> ListAsync(CancellationToken cancellationToken = default);

    Task<KeyRecord?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Adds a key; throws <see cref="InvalidOperationException"/> when the id already exists.</summary>
    Task AddAsync(KeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>Marks a key retired from sealing. Returns false when no such key exists.</summary>
    Task<bool> RetireAsync(string id, DateTimeOffset retiredAt, CancellationToken cancellationToken = default);
}
