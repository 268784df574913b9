using Mailseal.Core.Administration;
using Mailseal.Core.Keys;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Storage.Tests.Administration;

public sealed class AdminServiceKeyTests(PostgresTestDatabase postgres) : AdminServiceTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task TenantKeys_NewRotateRetire_NoSecretInResultsOrAudit(StorageProvider provider)
    {
        var services = await OpenServicesAsync(provider);
        var admin = services.GetRequiredService<AdminService>();

        var first = await admin.NewTenantKeysAsync(new NewTenantKeysRequest(), Actor);
        var rotated = Assert.Single(await admin.NewTenantKeysAsync(new NewTenantKeysRequest { Purposes = [KeyPurpose.LicenseSigning] }, Actor));
        var wrapping = first.Single(k => k.Purpose == KeyPurpose.ContentKeyWrapping);
        var retired = await admin.RetireTenantKeyAsync(wrapping.Id, Actor);
        var keys = await admin.ListTenantKeysAsync();

        Assert.Equal(3, first.Count);
        Assert.All(first, k => Assert.Equal("active", k.State));
        Assert.Equal("active", keys.Single(k => k.Id == rotated.Id).State);
        Assert.Equal("retired", keys.Single(k => k.Id == first.Single(f => f.Purpose == KeyPurpose.LicenseSigning).Id).State);
        Assert.Equal("retired", retired.State);
        await Assert.ThrowsAsync<AdminObjectNotFoundException>(() => admin.RetireTenantKeyAsync("wrap-none", Actor));
        var size = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewTenantKeysAsync(new NewTenantKeysRequest { KeySizeBits = 1000 }, Actor));
        Assert.Equal("KeySizeBits", size.Field);
        var stored = await services.GetRequiredService<IKeyStore>().ListAsync();
        var audit = string.Join("\n", (await admin.GetAuditLogAsync(100)).Select(a => a.OldValue + a.NewValue));
        Assert.Contains(wrapping.Id, audit, StringComparison.Ordinal);
        Assert.All(stored, k => Assert.DoesNotContain(Convert.ToBase64String(k.ProtectedSecret)[..24], audit, StringComparison.Ordinal));
        Assert.DoesNotContain("PRIVATE", audit, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task DkimKeys_New_TxtRecordAndNoPrivateKeyAnywhere(StorageProvider provider)
    {
        var services = await OpenServicesAsync(provider);
        var admin = services.GetRequiredService<AdminService>();

        var key = await admin.NewDkimKeyAsync("Contoso.com", "s2026", 1024, Actor);
        await Assert.ThrowsAsync<AdminConflictException>(() => admin.NewDkimKeyAsync("contoso.com", "s2026", 1024, Actor));
        var selector = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewDkimKeyAsync("contoso.com", "bad selector", 1024, Actor));
        var size = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewDkimKeyAsync("contoso.com", "s2", 512, Actor));

        Assert.Equal("s2026._domainkey.contoso.com", key.DnsName);
        Assert.StartsWith("v=DKIM1; k=rsa; p=", key.TxtValue, StringComparison.Ordinal);
        Assert.Equal(key.TxtValue, Assert.Single(await admin.ListDkimKeysAsync()).TxtValue);
        Assert.Equal("Selector", selector.Field);
        Assert.Equal("KeySize", size.Field);
        var stored = Assert.Single(await services.GetRequiredService<Core.Dkim.IDkimKeyStore>().ListAsync());
        var record = Assert.Single(await admin.GetAuditLogAsync(10));
        Assert.Equal(("New", "DkimKey"), (record.Operation, record.ObjectKind));
        Assert.DoesNotContain(Convert.ToBase64String(stored.ProtectedPrivateKey)[..24], record.NewValue, StringComparison.Ordinal);
    }
}
