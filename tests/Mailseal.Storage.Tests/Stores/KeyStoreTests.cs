using Mailseal.Core.Keys;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class KeyStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, 123, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task AddAsync_NewKey_FindAsyncReturnsSameFields(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var key = TestKeys.Create("sign-1", Start);

        await storage.Keys.AddAsync(key);

        TestKeys.AssertSame(key, await storage.Keys.FindAsync("sign-1"));
    }

    [Theory, AllProviders]
    public async Task AddAsync_HmacSecretWithEmptyPublicKey_RoundTrips(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var key = TestKeys.Create("hash-1", Start, KeyPurpose.RecipientHashing) with { PublicKey = [], KeySizeBits = 256 };

        await storage.Keys.AddAsync(key);

        TestKeys.AssertSame(key, await storage.Keys.FindAsync("hash-1"));
    }

    [Theory, AllProviders]
    public async Task FindAsync_UnknownId_ReturnsNull(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Keys.AddAsync(TestKeys.Create("sign-1", Start));

        Assert.Null(await storage.Keys.FindAsync("sign-2"));
    }

    [Theory, AllProviders]
    public async Task AddAsync_DuplicateId_ThrowsAndKeepsTheFirst(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var first = TestKeys.Create("wrap-1", Start, KeyPurpose.ContentKeyWrapping);
        await storage.Keys.AddAsync(first);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => storage.Keys.AddAsync(TestKeys.Create("wrap-1", Start.AddDays(1))));

        Assert.Contains("wrap-1", exception.Message, StringComparison.Ordinal);
        TestKeys.AssertSame(first, await storage.Keys.FindAsync("wrap-1"));
    }

    [Theory, AllProviders]
    public async Task ListAsync_SeveralKeys_ReturnsAllOrderedByCreation(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var later = TestKeys.Create("a-later", Start.AddHours(2));
        var earlier = TestKeys.Create("z-earlier", Start);
        var middle = TestKeys.Create("m-middle", Start.AddHours(1), KeyPurpose.ContentKeyWrapping);
        await storage.Keys.AddAsync(later);
        await storage.Keys.AddAsync(earlier);
        await storage.Keys.AddAsync(middle);

        var keys = await storage.Keys.ListAsync();

        Assert.Equal(["z-earlier", "m-middle", "a-later"], keys.Select(key => key.Id));
        TestKeys.AssertSame(middle, keys[1]);
    }

    [Theory, AllProviders]
    public async Task ListAsync_NoKeys_ReturnsEmpty(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);

        Assert.Empty(await storage.Keys.ListAsync());
    }

    [Theory, AllProviders]
    public async Task RetireAsync_ExistingKey_MarksRetiredAndKeepsIt(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var key = TestKeys.Create("sign-1", Start);
        await storage.Keys.AddAsync(key);
        var retiredAt = Start.AddDays(30);

        Assert.True(await storage.Keys.RetireAsync("sign-1", retiredAt));

        var stored = await storage.Keys.FindAsync("sign-1");
        TestKeys.AssertSame(key with { RetiredAt = retiredAt }, stored);
        Assert.True(stored!.IsRetired);
    }

    [Theory, AllProviders]
    public async Task RetireAsync_AlreadyRetired_KeepsFirstRetirementTime(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Keys.AddAsync(TestKeys.Create("sign-1", Start));
        await storage.Keys.RetireAsync("sign-1", Start.AddDays(1));

        Assert.True(await storage.Keys.RetireAsync("sign-1", Start.AddDays(2)));

        Assert.Equal(Start.AddDays(1), (await storage.Keys.FindAsync("sign-1"))!.RetiredAt);
    }

    [Theory, AllProviders]
    public async Task RetireAsync_UnknownKey_ReturnsFalse(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Keys.AddAsync(TestKeys.Create("sign-1", Start));

        Assert.False(await storage.Keys.RetireAsync("sign-2", Start));
        Assert.Null((await storage.Keys.FindAsync("sign-1"))!.RetiredAt);
    }
}
