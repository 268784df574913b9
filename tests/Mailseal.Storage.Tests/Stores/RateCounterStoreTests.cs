using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class RateCounterStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Window = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task IncrementAsync_CountsPerKeyAndWindow_AcrossConcurrentCallers(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            storage.RateCounters.IncrementAsync("arrival:a", Window, Window.AddMinutes(10))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), counts.Order());
        Assert.Equal(1, await storage.RateCounters.IncrementAsync("arrival:b", Window, Window.AddMinutes(10)));
        Assert.Equal(1, await storage.RateCounters.IncrementAsync("arrival:a", Window.AddMinutes(10), Window.AddMinutes(20)));
    }

    [Theory, AllProviders]
    public async Task PruneAsync_ForgetsExpiredWindows(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.RateCounters.IncrementAsync("k", Window, Window.AddMinutes(10));
        await storage.RateCounters.IncrementAsync("k", Window.AddMinutes(10), Window.AddMinutes(20));

        Assert.Equal(1, await storage.RateCounters.PruneAsync(Window.AddMinutes(15)));
        Assert.Equal(2, await storage.RateCounters.IncrementAsync("k", Window.AddMinutes(10), Window.AddMinutes(20)));
    }
}
