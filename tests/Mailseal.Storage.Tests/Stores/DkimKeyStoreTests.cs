using System.Security.Cryptography;
using Mailseal.Core.Dkim;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class DkimKeyStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, 123, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task AddAsync_NewKey_ListAsyncReturnsSameFields(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var key = Create("example.com", "s2026", Start);

        await storage.DkimKeys.AddAsync(key);

        AssertSame(key, Assert.Single(await storage.DkimKeys.ListAsync()));
    }

    [Theory, AllProviders]
    public async Task FindNewestAsync_TwoSelectors_ReturnsTheNewest(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var older = Create("example.com", "old", Start);
        var newer = Create("example.com", "new", Start.AddDays(30));
        await storage.DkimKeys.AddAsync(newer);
        await storage.DkimKeys.AddAsync(older);
        await storage.DkimKeys.AddAsync(Create("other.example", "later", Start.AddDays(60)));

        AssertSame(newer, await storage.DkimKeys.FindNewestAsync("example.com"));
    }

    [Theory, AllProviders]
    public async Task FindNewestAsync_DomainInOtherCaseWithTrailingDot_FindsTheKey(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.DkimKeys.AddAsync(Create("Example.COM", "s1", Start));

        var found = await storage.DkimKeys.FindNewestAsync("EXAMPLE.com.");

        Assert.NotNull(found);
        Assert.Equal("example.com", found.Domain);
    }

    [Theory, AllProviders]
    public async Task FindNewestAsync_UnknownDomain_ReturnsNull(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.DkimKeys.AddAsync(Create("example.com", "s1", Start));

        Assert.Null(await storage.DkimKeys.FindNewestAsync("example.org"));
    }

    [Theory, AllProviders]
    public async Task AddAsync_SameDomainAndSelector_ThrowsAndKeepsTheFirst(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var first = Create("example.com", "s1", Start);
        await storage.DkimKeys.AddAsync(first);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => storage.DkimKeys.AddAsync(Create("example.com", "s1", Start.AddDays(1))));

        Assert.Contains("s1", exception.Message, StringComparison.Ordinal);
        AssertSame(first, Assert.Single(await storage.DkimKeys.ListAsync()));
    }

    private static DkimKey Create(string domain, string selector, DateTimeOffset createdAt) =>
        new(domain, selector, createdAt, 2048, RandomNumberGenerator.GetBytes(294), RandomNumberGenerator.GetBytes(1250),
            "kek-0123456789abcdef");

    private static void AssertSame(DkimKey expected, DkimKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Domain.ToLowerInvariant(), actual.Domain);
        Assert.Equal(expected.Selector, actual.Selector);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.KeySizeBits, actual.KeySizeBits);
        Assert.Equal(expected.PublicKey, actual.PublicKey);
        Assert.Equal(expected.ProtectedPrivateKey, actual.ProtectedPrivateKey);
        Assert.Equal(expected.KekId, actual.KekId);
    }
}
