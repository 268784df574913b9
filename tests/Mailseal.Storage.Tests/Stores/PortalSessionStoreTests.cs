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

    [Theory, AllProviders]
    public async Task FindAsync_Created_RoundTripsEveryField(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var session = NewSession(Now, Now.AddHours(8));

        await storage.PortalSessions.CreateAsync(session);
        var found = await storage.PortalSessions.FindAsync(session.TokenHash);

        Assert.NotNull(found);
        Assert.Equal(session.TokenHash, found.TokenHash);
        Assert.Equal(session.PreSessionIdHash, found.PreSessionIdHash);
        Assert.Equal(session.EnvelopeHash, found.EnvelopeHash);
        Assert.Equal(session.EnvelopeId, found.EnvelopeId);
        Assert.Equal(session.Recipient, found.Recipient);
        Assert.Equal(session.CreatedAt, found.CreatedAt);
        Assert.Equal(session.LastSeenAt, found.LastSeenAt);
        Assert.Equal(session.ExpiresAt, found.ExpiresAt);
        Assert.Null(await storage.PortalSessions.FindAsync(RandomNumberGenerator.GetBytes(32)));
    }

    [Theory, AllProviders]
    public async Task TouchAsync_MovesLastSeenForwardOnly(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var session = NewSession(Now, Now.AddHours(8));
        await storage.PortalSessions.CreateAsync(session);

        await storage.PortalSessions.TouchAsync(session.TokenHash, Now.AddMinutes(10));
        await storage.PortalSessions.TouchAsync(session.TokenHash, Now.AddMinutes(5));

        Assert.Equal(Now.AddMinutes(10), (await storage.PortalSessions.FindAsync(session.TokenHash))!.LastSeenAt);
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

        await storage.PortalSessions.DeleteAsync(signedOut.TokenHash);
        var pruned = await storage.PortalSessions.PruneAsync(Now, TimeSpan.FromMinutes(30));

        Assert.Equal(2, pruned);
        Assert.Null(await storage.PortalSessions.FindAsync(signedOut.TokenHash));
        Assert.NotNull(await storage.PortalSessions.FindAsync(live.TokenHash));
    }
}
