using Mailseal.Core.Administration;
using Mailseal.Core.Organization;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Administration;

public sealed class AdminServiceOrganizationTests(PostgresTestDatabase postgres) : AdminServiceTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task AcceptedDomains_NewListRemove_ConflictAndNotFound(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);

        var created = await admin.NewAcceptedDomainAsync(new AcceptedDomain { DomainName = "contoso.com.", Type = AcceptedDomainType.InternalRelay }, Actor);
        await Assert.ThrowsAsync<AdminConflictException>(() => admin.NewAcceptedDomainAsync(new AcceptedDomain { DomainName = "CONTOSO.com" }, Actor));
        var invalid = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewAcceptedDomainAsync(new AcceptedDomain { DomainName = "a b" }, Actor));
        var listed = await admin.ListAcceptedDomainsAsync();
        await admin.RemoveAcceptedDomainAsync("Contoso.com", Actor);

        Assert.Equal("contoso.com", created.DomainName);
        Assert.Equal([created], listed);
        Assert.Equal("DomainName", invalid.Field);
        Assert.Empty(await admin.ListAcceptedDomainsAsync());
        await Assert.ThrowsAsync<AdminObjectNotFoundException>(() => admin.RemoveAcceptedDomainAsync("contoso.com", Actor));
    }

    [Theory, AllProviders]
    public async Task Users_NewSetRemove_LanguageRevertsAndLimitsNamed(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);

        await admin.NewUserAsync(new OrganizationUser { Address = "ann@contoso.com", Language = "de-DE" }, Actor);
        var blocked = await admin.SetUserAsync("ANN@contoso.com", new OrganizationUserChange { MaySendEncrypted = false, DisplayName = "Ann" }, Actor);
        var reverted = await admin.SetUserAsync("ann@contoso.com", new OrganizationUserChange { Language = "" }, Actor);
        var language = await Assert.ThrowsAsync<AdminValidationException>(() =>
            admin.SetUserAsync("ann@contoso.com", new OrganizationUserChange { Language = "de DE;drop" }, Actor));
        var address = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewUserAsync(new OrganizationUser { Address = "nobody" }, Actor));
        await Assert.ThrowsAsync<AdminConflictException>(() => admin.NewUserAsync(new OrganizationUser { Address = "Ann@Contoso.com" }, Actor));

        Assert.Equal(("de-DE", false, "Ann"), (blocked.Language, blocked.MaySendEncrypted, blocked.DisplayName));
        Assert.Null(reverted.Language);
        Assert.False(reverted.MaySendEncrypted);
        Assert.Equal("Language", language.Field);
        Assert.Equal("Address", address.Field);
        Assert.Equal(reverted, await admin.GetUserAsync("ann@contoso.com"));
        await admin.RemoveUserAsync("ann@contoso.com", Actor);
        Assert.Empty(await admin.ListUsersAsync());
        var audit = await admin.GetAuditLogAsync(10);
        Assert.Equal(["Remove", "Set", "Set", "New"], audit.Select(a => a.Operation));
        Assert.Contains("\"maySendEncrypted\":false", audit[2].NewValue, StringComparison.Ordinal);
    }
}
