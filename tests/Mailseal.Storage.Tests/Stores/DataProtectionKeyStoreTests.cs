using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class DataProtectionKeyStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task AddAsync_ElementsReadBack_SameNameKeepsFirst(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);

        await storage.DataProtectionKeys.AddAsync("key-b", "<key id=\"b\" />");
        await storage.DataProtectionKeys.AddAsync("key-a", "<key id=\"a\" />");
        await storage.DataProtectionKeys.AddAsync("key-a", "<key id=\"other\" />");

        Assert.Equal(["<key id=\"a\" />", "<key id=\"b\" />"], await storage.DataProtectionKeys.GetAllAsync());
    }
}
