namespace Mailseal.Core.Tracking;

/// <summary>
/// The Message-IDs the gateway sealed or unsealed, as keyed hashes only, so that an answer in the same
/// thread can be sealed even when no rule matches. Never holds a Message-ID in clear.
/// </summary>
public interface IThreadStore
{
    /// <summary>Remembers a hashed Message-ID until <paramref name="expiresAt"/>.</summary>
    Task RememberAsync(ReadOnlyMemory<byte> messageIdHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>True when any of the hashes is remembered and not expired at <paramref name="now"/>.</summary>
    Task<bool> AnyKnownAsync(IReadOnlyCollection<ReadOnlyMemory<byte>> messageIdHashes, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Forgets what expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
