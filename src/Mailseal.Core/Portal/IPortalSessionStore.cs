namespace Mailseal.Core.Portal;

/// <summary>Signed-in portal sessions, shared by every portal node.</summary>
public interface IPortalSessionStore
{
    Task CreateAsync(PortalSession session, CancellationToken cancellationToken = default);

    /// <summary>The session, or null when unknown. Timeouts are the caller's to judge.</summary>
    Task<PortalSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Records activity (the idle timeout counts from <paramref name="lastSeenAt"/>).</summary>
    Task TouchAsync(byte[] tokenHash, DateTimeOffset lastSeenAt, CancellationToken cancellationToken = default);

    Task DeleteAsync(byte[] tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Forgets sessions whose absolute end or idle limit passed before <paramref name="now"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken = default);
}
