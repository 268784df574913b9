using System.Security.Cryptography;
using Mailseal.Core.Portal;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class PassCodeStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task ReplaceCodeAsync_Twice_OnlyTheLaterCodeIsFound(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var subject = RandomNumberGenerator.GetBytes(32);
        var first = RandomNumberGenerator.GetBytes(32);
        var second = RandomNumberGenerator.GetBytes(32);

        await storage.PassCodes.ReplaceCodeAsync(new PassCodeRecord(subject, first, Now.AddMinutes(10)));
        await storage.PassCodes.ReplaceCodeAsync(new PassCodeRecord(subject, second, Now.AddMinutes(11)));

        var found = await storage.PassCodes.FindCodeAsync(subject);
        Assert.NotNull(found);
        Assert.Equal(second, found.CodeHash.ToArray());
        Assert.Equal(Now.AddMinutes(11), found.ExpiresAt);
        Assert.False(await storage.PassCodes.ConsumeCodeAsync(subject, first));
        Assert.Null(await storage.PassCodes.FindCodeAsync(RandomNumberGenerator.GetBytes(32)));
    }

    [Theory, AllProviders]
    public async Task ConsumeCodeAsync_ConcurrentCallers_ExactlyOneWins(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var subject = RandomNumberGenerator.GetBytes(32);
        var code = RandomNumberGenerator.GetBytes(32);
        await storage.PassCodes.ReplaceCodeAsync(new PassCodeRecord(subject, code, Now.AddMinutes(10)));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => storage.PassCodes.ConsumeCodeAsync(subject, code)));

        Assert.Single(results, won => won);
        Assert.Null(await storage.PassCodes.FindCodeAsync(subject));
    }

    [Theory, AllProviders]
    public async Task TrySaveAttemptsAsync_StaleVersion_Refused(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var subject = RandomNumberGenerator.GetBytes(32);
        var fresh = await storage.PassCodes.GetAttemptsAsync(subject);
        Assert.Equal(0, fresh.Version);

        var locked = fresh with { Failures = 5, LockLevel = 1, LockedUntil = Now.AddMinutes(1), Day = 20_000, DayAttempts = 5, UpdatedAt = Now };
        Assert.True(await storage.PassCodes.TrySaveAttemptsAsync(locked, 0));
        Assert.False(await storage.PassCodes.TrySaveAttemptsAsync(locked, 0));

        var stored = await storage.PassCodes.GetAttemptsAsync(subject);
        Assert.Equal((5, 1, Now.AddMinutes(1), 20_000, 5, Now, 1L),
            (stored.Failures, stored.LockLevel, stored.LockedUntil, stored.Day, stored.DayAttempts, stored.UpdatedAt, stored.Version));
        Assert.True(await storage.PassCodes.TrySaveAttemptsAsync(stored with { Failures = 0, LockedUntil = null }, 1));
        Assert.False(await storage.PassCodes.TrySaveAttemptsAsync(stored with { Failures = 9 }, 1));
        var updated = await storage.PassCodes.GetAttemptsAsync(subject);
        Assert.Equal((0, (DateTimeOffset?)null, 2L), (updated.Failures, updated.LockedUntil, updated.Version));
    }

    [Theory, AllProviders]
    public async Task CountSendAsync_AddsUpPerKeyAndWindow(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var key = RandomNumberGenerator.GetBytes(32);
        var window = new PassCodeSendWindow(key, Now, Now.AddHours(1));

        var counts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => storage.PassCodes.CountSendAsync(window)));

        Assert.Equal([1, 2, 3, 4, 5], counts.Order());
        Assert.Equal(1, await storage.PassCodes.CountSendAsync(window with { WindowStart = Now.AddHours(1) }));
        Assert.Equal(1, await storage.PassCodes.CountSendAsync(window with { LimitKey = RandomNumberGenerator.GetBytes(32) }));
    }

    [Theory, AllProviders]
    public async Task PruneAsync_ForgetsExpiredAndIdle_KeepsLocks(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var store = storage.PassCodes;
        var live = RandomNumberGenerator.GetBytes(32);
        await store.ReplaceCodeAsync(new PassCodeRecord(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), Now.AddMinutes(-1)));
        await store.ReplaceCodeAsync(new PassCodeRecord(live, RandomNumberGenerator.GetBytes(32), Now.AddMinutes(1)));
        await store.CountSendAsync(new PassCodeSendWindow(RandomNumberGenerator.GetBytes(32), Now.AddHours(-2), Now.AddHours(-1)));
        var idle = PassCodeAttemptCounter.New(RandomNumberGenerator.GetBytes(32), Now.AddDays(-3));
        var stillLocked = PassCodeAttemptCounter.New(RandomNumberGenerator.GetBytes(32), Now.AddDays(-3)) with { LockedUntil = Now.AddMinutes(5) };
        await store.TrySaveAttemptsAsync(idle, 0);
        await store.TrySaveAttemptsAsync(stillLocked, 0);

        var pruned = await store.PruneAsync(Now, Now.AddDays(-2));

        Assert.Equal(3, pruned);
        Assert.NotNull(await store.FindCodeAsync(live));
        Assert.Equal(1, (await store.GetAttemptsAsync(stillLocked.SubjectHash)).Version);
        Assert.Equal(0, (await store.GetAttemptsAsync(idle.SubjectHash)).Version);
    }
}
