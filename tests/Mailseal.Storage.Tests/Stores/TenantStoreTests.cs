using Mailseal.Core.Tenancy;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class TenantStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateTimeOffset Created = new(2026, 1, 15, 8, 0, 0, 250, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task GetAsync_NoTenant_ReturnsNull(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);

        Assert.Null(await storage.Tenants.GetAsync());
    }

    [Theory, AllProviders]
    public async Task GetOrCreateAsync_NoTenant_StoresCandidate(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var candidate = new Tenant(Guid.NewGuid(), "Example Ltd", Created);

        var tenant = await storage.Tenants.GetOrCreateAsync(candidate);

        Assert.Equal(candidate, tenant);
        Assert.Equal(candidate, await storage.Tenants.GetAsync());
    }

    [Theory, AllProviders]
    public async Task GetOrCreateAsync_TenantExists_ReturnsExistingNotCandidate(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var first = await storage.Tenants.GetOrCreateAsync(new Tenant(Guid.NewGuid(), "First", Created));

        var second = await storage.Tenants.GetOrCreateAsync(new Tenant(Guid.NewGuid(), "Second", Created.AddDays(1)));

        Assert.Equal(first, second);
    }

    [Theory, AllProviders]
    public async Task GetOrCreateAsync_ConcurrentCallsFromTwoNodes_YieldOneTenant(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var nodeA = Open(options);
        var nodeB = Open(options);
        await nodeA.MigrateAsync();
        var nodes = new[] { nodeA, nodeB };

        var tenants = await Task.WhenAll(Enumerable.Range(0, 16).Select(index => Task.Run(() =>
            nodes[index % 2].Tenants.GetOrCreateAsync(new Tenant(Guid.NewGuid(), $"Tenant {index}", Created)))));

        var stored = await nodeA.Tenants.GetAsync();
        Assert.NotNull(stored);
        Assert.All(tenants, tenant => Assert.Equal(stored, tenant));
    }
}
