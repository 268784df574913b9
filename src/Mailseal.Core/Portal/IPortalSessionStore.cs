namespace Mailseal.Core.Portal;

/// <summary>Signed-in portal sessions, shared by every portal node.</summary>
public interface IPortalSessionStore
{
    Task CreateAsync(PortalSession session, CancellationToken cancellationToken = default);

    /// <summary>
    /// The session if it is live at <paramref name="now"/> (before its absolute end and seen less than
    /// <paramref name="idleTimeout"/> ago), with the visit recorded (its last-seen time moves forward to
    /// <paramref name="now"/>, never back), in one statement. Null, changing nothing, when unknown or dead.
    /// </summary>
    Task<PortalSession?> FindLiveAndTouchAsync(
        byte[] tokenHash, DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken = default);

    /// <summary>Forgets the session; returns false when there was none.</summary>
    Task<bool> DeleteAsync(byte[] tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Forgets sessions whose absolute end or idle limit passed before <paramref name="now"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken = default);
}
