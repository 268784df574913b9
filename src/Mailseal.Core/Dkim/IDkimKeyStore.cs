namespace Mailseal.Core.Dkim;

/// <summary>Persistence of DKIM keys, one or more per domain (one per selector).</summary>
public interface IDkimKeyStore
{
    /// <summary>Every key, ordered by domain, then creation time.</summary>
    Task<IReadOnlyList<DkimKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest key of <paramref name="domain"/> (case-insensitive), or null when it has none.</summary>
    Task<DkimKey?> FindNewestAsync(string domain, CancellationToken cancellationToken = default);

    /// <summary>Adds a key; throws <see cref="InvalidOperationException"/> when the domain already has that selector.</summary>
    Task AddAsync(DkimKey key, CancellationToken cancellationToken = default);
}
