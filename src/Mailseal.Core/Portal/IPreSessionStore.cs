namespace Mailseal.Core.Portal;

/// <summary>
/// The shared cache of still-sealed envelopes and the pre-sessions that point at them. Shared by every portal
/// node (it lives in the database), bounded in bytes by the caller, and emptied of what expired by
/// <see cref="PruneAsync"/>.
/// </summary>
public interface IPreSessionStore
{
    /// <summary>
    /// Keeps an envelope until at least <paramref name="expiresAt"/>. An entry with the same hash is reused
    /// (its bytes are not written again; the later expiry wins). Returns true when a new entry was written.
    /// </summary>
    Task<bool> StoreEnvelopeAsync(byte[] envelopeHash, ReadOnlyMemory<byte> envelope, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>True when the entry exists and lives at <paramref name="now"/>; its expiry is raised to <paramref name="expiresAt"/> if later.</summary>
    Task<bool> ExtendEnvelopeAsync(byte[] envelopeHash, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The bytes of the envelopes that live at <paramref name="now"/>, summed.</summary>
    Task<long> CachedBytesAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The sealed envelope, or null when it is gone or expired.</summary>
    Task<byte[]?> ReadEnvelopeAsync(byte[] envelopeHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task CreateAsync(PreSession preSession, CancellationToken cancellationToken = default);

    /// <summary>The pre-session, or null when it is unknown or expired.</summary>
    Task<PreSession?> FindAsync(byte[] idHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task DeleteAsync(byte[] idHash, CancellationToken cancellationToken = default);

    /// <summary>Forgets pre-sessions and envelopes that expired before <paramref name="now"/>; returns how many rows went.</summary>
    Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
