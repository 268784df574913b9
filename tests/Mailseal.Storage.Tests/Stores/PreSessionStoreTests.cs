using System.Security.Cryptography;
using Mailseal.Core.Portal;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class PreSessionStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task StoreEnvelopeAsync_SameHashAgain_ReusesEntryAndKeepsLaterExpiry(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var hash = RandomNumberGenerator.GetBytes(32);
        var envelope = RandomNumberGenerator.GetBytes(5000);

        Assert.True(await storage.PreSessions.StoreEnvelopeAsync(hash, envelope, Now.AddHours(2)));
        Assert.False(await storage.PreSessions.StoreEnvelopeAsync(hash, envelope, Now.AddHours(1)));

        Assert.Equal(5000, await storage.PreSessions.CachedBytesAsync(Now));
        Assert.Equal(envelope, await storage.PreSessions.ReadEnvelopeAsync(hash, Now.AddMinutes(90)));
        Assert.Null(await storage.PreSessions.ReadEnvelopeAsync(hash, Now.AddHours(2)));
        Assert.Equal(0, await storage.PreSessions.CachedBytesAsync(Now.AddHours(2)));
    }

    [Theory, AllProviders]
    public async Task ExtendEnvelopeAsync_LiveEntry_RaisesExpiry_ExpiredEntry_False(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var hash = RandomNumberGenerator.GetBytes(32);
        await storage.PreSessions.StoreEnvelopeAsync(hash, new byte[] { 1, 2, 3 }, Now.AddHours(1));

        Assert.True(await storage.PreSessions.ExtendEnvelopeAsync(hash, Now, Now.AddHours(8)));
        Assert.NotNull(await storage.PreSessions.ReadEnvelopeAsync(hash, Now.AddHours(7)));
        Assert.False(await storage.PreSessions.ExtendEnvelopeAsync(hash, Now.AddHours(9), Now.AddHours(20)));
        Assert.False(await storage.PreSessions.ExtendEnvelopeAsync(RandomNumberGenerator.GetBytes(32), Now, Now.AddHours(1)));
    }

    [Theory, AllProviders]
    public async Task FindAsync_LivePreSession_RoundTrips_ExpiredOrDeleted_Null(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var preSession = new PreSession(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), "00ff", "Finance", Now, Now.AddHours(1));
        await storage.PreSessions.CreateAsync(preSession);

        var found = await storage.PreSessions.FindAsync(preSession.IdHash, Now);
        Assert.NotNull(found);
        Assert.Equal(preSession.EnvelopeHash, found.EnvelopeHash);
        Assert.Equal(preSession.EnvelopeId, found.EnvelopeId);
        Assert.Equal("Finance", found.BrandingTemplate);
        Assert.Equal(preSession.CreatedAt, found.CreatedAt);
        Assert.Equal(preSession.ExpiresAt, found.ExpiresAt);
        Assert.Null(await storage.PreSessions.FindAsync(preSession.IdHash, Now.AddHours(1)));

        await storage.PreSessions.DeleteAsync(preSession.IdHash);
        Assert.Null(await storage.PreSessions.FindAsync(preSession.IdHash, Now));
    }

    [Theory, AllProviders]
    public async Task PruneAsync_RemovesOnlyExpiredPreSessionsAndEnvelopes(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var live = new PreSession(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), "01", "OME Configuration", Now, Now.AddHours(1));
        var gone = new PreSession(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), "02", "OME Configuration", Now, Now.AddMinutes(-1));
        await storage.PreSessions.CreateAsync(live);
        await storage.PreSessions.CreateAsync(gone);
        await storage.PreSessions.StoreEnvelopeAsync(live.EnvelopeHash, new byte[] { 1 }, Now.AddHours(1));
        await storage.PreSessions.StoreEnvelopeAsync(gone.EnvelopeHash, new byte[] { 2 }, Now.AddMinutes(-1));

        Assert.Equal(2, await storage.PreSessions.PruneAsync(Now));

        Assert.NotNull(await storage.PreSessions.FindAsync(live.IdHash, Now));
        Assert.NotNull(await storage.PreSessions.ReadEnvelopeAsync(live.EnvelopeHash, Now));
        Assert.Equal(1, await storage.PreSessions.CachedBytesAsync(Now.AddMinutes(-30)));
    }
}
