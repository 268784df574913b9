namespace Mailseal.Core.Branding;

/// <summary>Persistence of branding templates. Identities compare case-insensitively.</summary>
public interface IOmeConfigurationStore
{
    Task<IReadOnlyList<OmeConfiguration>> ListAsync(CancellationToken cancellationToken = default);

    Task<OmeConfiguration?> FindAsync(string identity, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the template with the same identity.</summary>
    Task UpsertAsync(OmeConfiguration configuration, CancellationToken cancellationToken = default);

    /// <summary>Removes a template. Returns false when none had that identity.</summary>
    Task<bool> RemoveAsync(string identity, CancellationToken cancellationToken = default);
}
