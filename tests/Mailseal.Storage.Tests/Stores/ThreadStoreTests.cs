using System.Security.Cryptography;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class ThreadStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task AnyKnownAsync_RememberedHash_TrueUntilItExpires(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var hash = RandomNumberGenerator.GetBytes(32);
        await storage.Threads.RememberAsync(hash, Now.AddDays(1));

        Assert.True(await storage.Threads.AnyKnownAsync([RandomNumberGenerator.GetBytes(32), hash], Now));
        Assert.False(await storage.Threads.AnyKnownAsync([hash], Now.AddDays(1)));
        Assert.False(await storage.Threads.AnyKnownAsync([RandomNumberGenerator.GetBytes(32)], Now));
        Assert.False(await storage.Threads.AnyKnownAsync([], Now));
    }

    [Theory, AllProviders]
    public async Task RememberAsync_Again_KeepsTheLaterExpiry(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var hash = RandomNumberGenerator.GetBytes(32);

        await storage.Threads.RememberAsync(hash, Now.AddDays(10));
        await storage.Threads.RememberAsync(hash, Now.AddDays(1));

        Assert.True(await storage.Threads.AnyKnownAsync([hash], Now.AddDays(5)));
    }

    [Theory, AllProviders]
    public async Task PruneAsync_ForgetsOnlyWhatExpired(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var expired = RandomNumberGenerator.GetBytes(32);
        var live = RandomNumberGenerator.GetBytes(32);
        await storage.Threads.RememberAsync(expired, Now.AddMinutes(-1));
        await storage.Threads.RememberAsync(live, Now.AddMinutes(1));

        var pruned = await storage.Threads.PruneAsync(Now);

        Assert.Equal(1, pruned);
        Assert.True(await storage.Threads.AnyKnownAsync([live], Now));
    }
}
