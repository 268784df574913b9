using Dapper;
using System.Security.Cryptography;
using Mailseal.Core.Portal;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class PortalSessionStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static PortalSession NewSession(DateTimeOffset lastSeen, DateTimeOffset expires) => new(
        RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32),
        "0a0b", "bob@example.net", Now, lastSeen, expires);

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    [Theory, AllProviders]
    public async Task FindLiveAndTouchAsync_Live_RoundTripsEveryFieldAndMovesLastSeen(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var storage = Open(options);
        await storage.MigrateAsync();
        var session = NewSession(Now.AddMinutes(-29), Now.AddHours(8));
        await storage.PortalSessions.CreateAsync(session);

        var found = await storage.PortalSessions.FindLiveAndTouchAsync(session.TokenHash, Now, IdleTimeout);

        Assert.NotNull(found);
        Assert.Equal(session.TokenHash, found.TokenHash);
        Assert.Equal(session.PreSessionIdHash, found.PreSessionIdHash);
        Assert.Equal(session.EnvelopeHash, found.EnvelopeHash);
        Assert.Equal(session.EnvelopeId, found.EnvelopeId);
        Assert.Equal(session.Recipient, found.Recipient);
        Assert.Equal(session.CreatedAt, found.CreatedAt);
        Assert.Equal(Now, found.LastSeenAt);
        Assert.Equal(session.ExpiresAt, found.ExpiresAt);
        Assert.Equal(Now, await LastSeenAtAsync(options, session.TokenHash));
    }

    [Theory, AllProviders]
    public async Task FindLiveAndTouchAsync_EarlierVisit_FoundWithoutMovingLastSeenBack(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var storage = Open(options);
        await storage.MigrateAsync();
        var session = NewSession(Now, Now.AddHours(8));
        await storage.PortalSessions.CreateAsync(session);

        await storage.PortalSessions.FindLiveAndTouchAsync(session.TokenHash, Now.AddMinutes(10), IdleTimeout);
        var found = await storage.PortalSessions.FindLiveAndTouchAsync(session.TokenHash, Now.AddMinutes(5), IdleTimeout);

        Assert.NotNull(found);
        Assert.Equal(Now.AddMinutes(10), found.LastSeenAt);
        Assert.Equal(Now.AddMinutes(10), await LastSeenAtAsync(options, session.TokenHash));
    }

    [Theory, AllProviders]
    public async Task FindLiveAndTouchAsync_IdleExpiredOrUnknown_NullAndNotMoved(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var storage = Open(options);
        await storage.MigrateAsync();
        var idle = NewSession(Now - IdleTimeout, Now.AddHours(8));
        var expired = NewSession(Now.AddMinutes(-5), Now);
        var live = NewSession(Now.AddMinutes(-5), Now.AddHours(8));
        foreach (var session in new[] { idle, expired, live })
        {
            await storage.PortalSessions.CreateAsync(session);
        }

        Assert.Null(await storage.PortalSessions.FindLiveAndTouchAsync(idle.TokenHash, Now, IdleTimeout));
        Assert.Null(await storage.PortalSessions.FindLiveAndTouchAsync(expired.TokenHash, Now, IdleTimeout));
        Assert.Null(await storage.PortalSessions.FindLiveAndTouchAsync(RandomNumberGenerator.GetBytes(32), Now, IdleTimeout));

        Assert.Equal(idle.LastSeenAt, await LastSeenAtAsync(options, idle.TokenHash));
        Assert.Equal(expired.LastSeenAt, await LastSeenAtAsync(options, expired.TokenHash));
        Assert.Equal(live.LastSeenAt, await LastSeenAtAsync(options, live.TokenHash));
    }

    [Theory, AllProviders]
    public async Task DeleteAndPrune_RemoveSignedOutIdleAndExpiredSessions(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var signedOut = NewSession(Now, Now.AddHours(8));
        var idle = NewSession(Now.AddMinutes(-31), Now.AddHours(8));
        var expired = NewSession(Now, Now.AddMinutes(-1));
        var live = NewSession(Now.AddMinutes(-5), Now.AddHours(8));
        foreach (var session in new[] { signedOut, idle, expired, live })
        {
            await storage.PortalSessions.CreateAsync(session);
        }

        Assert.True(await storage.PortalSessions.DeleteAsync(signedOut.TokenHash));
        Assert.False(await storage.PortalSessions.DeleteAsync(signedOut.TokenHash));
        var pruned = await storage.PortalSessions.PruneAsync(Now, IdleTimeout);

        Assert.Equal(2, pruned);
        Assert.Null(await storage.PortalSessions.FindLiveAndTouchAsync(signedOut.TokenHash, Now, IdleTimeout));
        Assert.NotNull(await storage.PortalSessions.FindLiveAndTouchAsync(live.TokenHash, Now, IdleTimeout));
    }

    /// <summary>The stored last-seen time, read behind the store so a refused visit is seen not to move it.</summary>
    private static async Task<DateTimeOffset> LastSeenAtAsync(StorageOptions options, byte[] tokenHash)
    {
        await using var connection = await OpenRawAsync(options);
        var value = await connection.ExecuteScalarAsync<object>(
            "SELECT last_seen_at FROM portal_sessions WHERE token_hash = @TokenHash", new { TokenHash = tokenHash });
        return value switch
        {
            long milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            _ => throw new InvalidOperationException($"No session row or an unexpected time type: {value?.GetType()}"),
        };
    }
}
