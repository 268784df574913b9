using System.Security.Cryptography;
using Mailseal.Core.Tenancy;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

/// <summary>Times come back in UTC at exactly millisecond precision; bytes come back exactly.</summary>
public sealed class RoundTripTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    public static TheoryData<StorageProvider, DateTimeOffset> Times()
    {
        var data = new TheoryData<StorageProvider, DateTimeOffset>();
        DateTimeOffset[] times =
        [
            new DateTimeOffset(2026, 11, 28, 4, 5, 6, 789, TimeSpan.FromHours(2)).AddTicks(4321),
            new DateTimeOffset(1969, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-5)).AddTicks(9999),
            new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
        ];
        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            foreach (var time in times)
            {
                data.Add(provider, time);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Times))]
    public async Task KeyTimes_AnyOffsetAndSubMillisecond_ReadBackAsUtcMilliseconds(StorageProvider provider, DateTimeOffset time)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Keys.AddAsync(TestKeys.Create("k", time));
        await storage.Keys.RetireAsync("k", time);

        var stored = await storage.Keys.FindAsync("k");

        var expected = TruncatedUtc(time);
        Assert.Equal(expected.UtcTicks, stored!.CreatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
        Assert.Equal(expected.UtcTicks, stored.RetiredAt!.Value.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.RetiredAt.Value.Offset);
    }

    [Theory, MemberData(nameof(Times))]
    public async Task TenantTime_AnyOffsetAndSubMillisecond_ReadsBackAsUtcMilliseconds(StorageProvider provider, DateTimeOffset time)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Tenants.GetOrCreateAsync(new Tenant(Guid.NewGuid(), "Example", time));

        var stored = await storage.Tenants.GetAsync();

        Assert.Equal(TruncatedUtc(time).UtcTicks, stored!.CreatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
    }

    [Theory, AllProviders]
    public async Task KeyBytes_EveryByteValueAndLargeSecret_ReadBackExactly(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var everyByte = Enumerable.Range(0, 256).Select(value => (byte)value).ToArray();
        var large = RandomNumberGenerator.GetBytes(1024 * 1024);
        var key = TestKeys.Create("bytes", DateTimeOffset.UnixEpoch) with { PublicKey = everyByte, ProtectedSecret = large };

        await storage.Keys.AddAsync(key);

        var stored = await storage.Keys.FindAsync("bytes");
        Assert.Equal(everyByte, stored!.PublicKey);
        Assert.Equal(large, stored.ProtectedSecret);
    }

    private static DateTimeOffset TruncatedUtc(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
