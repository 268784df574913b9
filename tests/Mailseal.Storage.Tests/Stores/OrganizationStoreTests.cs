using Mailseal.Core.Organization;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class OrganizationStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task UpsertAcceptedDomainAsync_SameNameOtherCase_ReplacesIt(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Organization.UpsertAcceptedDomainAsync(new AcceptedDomain { DomainName = "contoso.com" });

        await storage.Organization.UpsertAcceptedDomainAsync(new AcceptedDomain { DomainName = "Contoso.com", Type = AcceptedDomainType.InternalRelay });

        var domain = Assert.Single(await storage.Organization.ListAcceptedDomainsAsync());
        Assert.Equal(new AcceptedDomain { DomainName = "Contoso.com", Type = AcceptedDomainType.InternalRelay }, domain);
    }

    [Theory, AllProviders]
    public async Task RemoveAcceptedDomainAsync_KnownAndUnknown_SaysWhichWasRemoved(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Organization.UpsertAcceptedDomainAsync(new AcceptedDomain { DomainName = "contoso.com" });

        Assert.True(await storage.Organization.RemoveAcceptedDomainAsync("CONTOSO.COM"));
        Assert.False(await storage.Organization.RemoveAcceptedDomainAsync("contoso.com"));
        Assert.Empty(await storage.Organization.ListAcceptedDomainsAsync());
    }

    [Theory, AllProviders]
    public async Task UpsertUserAsync_AllFields_FindUserAsyncReturnsThemCaseInsensitively(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var user = new OrganizationUser { Address = "Ann@Contoso.com", DisplayName = "Ann Ström", Language = "sv-SE", MaySendEncrypted = false };

        await storage.Organization.UpsertUserAsync(user);

        Assert.Equal(user, await storage.Organization.FindUserAsync("ann@contoso.com"));
        Assert.Equal([user], await storage.Organization.ListUsersAsync());
    }

    [Theory, AllProviders]
    public async Task RemoveUserAsync_KnownUser_Removed(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Organization.UpsertUserAsync(new OrganizationUser { Address = "bob@contoso.com" });

        Assert.True(await storage.Organization.RemoveUserAsync("bob@contoso.com"));
        Assert.Null(await storage.Organization.FindUserAsync("bob@contoso.com"));
        Assert.False(await storage.Organization.RemoveUserAsync("bob@contoso.com"));
    }
}
