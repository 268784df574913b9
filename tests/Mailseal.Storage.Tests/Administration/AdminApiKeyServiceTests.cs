using Mailseal.Core.Administration;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Storage.Tests.Administration;

public sealed class AdminApiKeyServiceTests(PostgresTestDatabase postgres) : AdminServiceTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task CreateVerifyRevoke_OnlyTheRightLiveKeyPasses(StorageProvider provider)
    {
        var services = await OpenServicesAsync(provider);
        var keys = services.GetRequiredService<AdminApiKeyService>();

        var created = await keys.CreateAsync("ops", Actor);
        var other = await keys.CreateAsync("ci", Actor);
        var verified = await keys.VerifyAsync(created.Secret);
        var wrongSecret = await keys.VerifyAsync(created.Secret[..^4] + "AAAA");
        var otherIdsSecret = await keys.VerifyAsync(created.Secret.Replace(created.Key.Id, other.Key.Id, StringComparison.Ordinal));
        await keys.RevokeAsync(created.Key.Id, Actor);
        var afterRevoke = await keys.VerifyAsync(created.Secret);

        Assert.Equal(created.Key.Id, verified?.Id);
        Assert.NotNull(verified?.LastUsedAt);
        Assert.Null(wrongSecret);
        Assert.Null(otherIdsSecret);
        Assert.Null(afterRevoke);
        Assert.Null(await keys.VerifyAsync(null));
        Assert.Null(await keys.VerifyAsync("msk_"));
        Assert.Equal(other.Key.Id, (await keys.VerifyAsync(other.Secret))?.Id);
        var listed = await keys.ListAsync();
        Assert.True(listed.Single(k => k.Id == created.Key.Id).IsRevoked);
        Assert.NotNull(listed.Single(k => k.Id == created.Key.Id).LastUsedAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() => keys.RevokeAsync(created.Key.Id, Actor));
        await Assert.ThrowsAsync<AdminObjectNotFoundException>(() => keys.RevokeAsync("0000", Actor));
    }

    [Theory, AllProviders]
    public async Task CreateAsync_SecretNeverStoredOrAudited(StorageProvider provider)
    {
        var services = await OpenServicesAsync(provider);
        var keys = services.GetRequiredService<AdminApiKeyService>();

        var created = await keys.CreateAsync("ops", Actor);

        var stored = Assert.Single(await services.GetRequiredService<IAdminApiKeyStore>().ListAsync());
        Assert.Equal(32, stored.KeyHash.Length);
        Assert.StartsWith("msk_" + created.Key.Id + "_", created.Secret, StringComparison.Ordinal);
        var record = Assert.Single(await services.GetRequiredService<AdminService>().GetAuditLogAsync(10));
        Assert.Equal(("New", "AdminApiKey", created.Key.Id), (record.Operation, record.ObjectKind, record.ObjectIdentity));
        Assert.DoesNotContain(created.Secret[20..], record.NewValue, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(stored.KeyHash), record.NewValue, StringComparison.Ordinal);
        var name = await Assert.ThrowsAsync<AdminValidationException>(() => keys.CreateAsync("", Actor));
        Assert.Equal("Name", name.Field);
    }
}
