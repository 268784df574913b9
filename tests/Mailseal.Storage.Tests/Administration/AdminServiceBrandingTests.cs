using System.Security.Cryptography;
using System.Text.Json;
using Mailseal.Core.Administration;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Storage.Tests.Administration;

public sealed class AdminServiceBrandingTests(PostgresTestDatabase postgres) : AdminServiceTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task SetOmeConfigurationAsync_TextsAndImage_StoredThenEmptyAndNullRevert(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);

        var set = await admin.SetOmeConfigurationAsync("OME Configuration", new SetOmeConfigurationRequest
        {
            EmailText = "Intro", DisclaimerText = "Legal", PortalText = "Portal", ImageSpecified = true, Image = Png(50, 20),
        }, Actor);
        var reverted = await admin.SetOmeConfigurationAsync("ome configuration", new SetOmeConfigurationRequest
        {
            EmailText = "", ImageSpecified = true, Image = null,
        }, Actor);

        Assert.Equal(("Intro", "Legal", "Portal"), (set.EmailText, set.DisclaimerText, set.PortalText));
        Assert.NotNull(set.Image);
        Assert.Null(reverted.EmailText);
        Assert.Null(reverted.Image);
        Assert.Equal(("Legal", "Portal"), (reverted.DisclaimerText, reverted.PortalText));
        Assert.Equal(reverted, await admin.GetOmeConfigurationAsync("OME Configuration") with { Image = null });
    }

    [Theory, AllProviders]
    public async Task SetOmeConfigurationAsync_OverLimits_RefusedNamingFieldAndLimit(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);

        var email = await Assert.ThrowsAsync<AdminValidationException>(() => admin.SetOmeConfigurationAsync(
            "OME Configuration", new SetOmeConfigurationRequest { EmailText = new string('a', 1025) }, Actor));
        var portal = await Assert.ThrowsAsync<AdminValidationException>(() => admin.SetOmeConfigurationAsync(
            "OME Configuration", new SetOmeConfigurationRequest { PortalText = new string('a', 129) }, Actor));
        var image = await Assert.ThrowsAsync<AdminValidationException>(() => admin.SetOmeConfigurationAsync(
            "OME Configuration", new SetOmeConfigurationRequest { ImageSpecified = true, Image = "GIF89a not a logo"u8.ToArray() }, Actor));

        Assert.Equal(("EmailText", "must be at most 1024 characters"), (email.Field, email.Limit));
        Assert.Equal("PortalText", portal.Field);
        Assert.Contains("128", portal.Limit, StringComparison.Ordinal);
        Assert.Equal("Image", image.Field);
        Assert.Contains("png, jpg, bmp or tiff", image.Limit, StringComparison.Ordinal);
        Assert.Null((await admin.GetOmeConfigurationAsync("OME Configuration")).EmailText);
    }

    [Theory, AllProviders]
    public async Task NewAndRemoveOmeConfigurationAsync_ConflictsAndDefaultProtected(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);

        var created = await admin.NewOmeConfigurationAsync(new NewOmeConfigurationRequest { Identity = "Legal", EmailText = "Confidential" }, Actor);
        await Assert.ThrowsAsync<AdminConflictException>(() => admin.NewOmeConfigurationAsync(new NewOmeConfigurationRequest { Identity = "LEGAL" }, Actor));
        await Assert.ThrowsAsync<AdminConflictException>(() => admin.NewOmeConfigurationAsync(new NewOmeConfigurationRequest { Identity = "OME Configuration" }, Actor));
        var removeDefault = await Assert.ThrowsAsync<AdminValidationException>(() => admin.RemoveOmeConfigurationAsync("OME Configuration", Actor));
        var listed = await admin.ListOmeConfigurationsAsync();
        await admin.RemoveOmeConfigurationAsync("legal", Actor);

        Assert.Equal("Confidential", created.EmailText);
        Assert.Equal("Identity", removeDefault.Field);
        Assert.Equal(["OME Configuration", "Legal"], listed.Select(t => t.Identity));
        await Assert.ThrowsAsync<AdminObjectNotFoundException>(() => admin.GetOmeConfigurationAsync("Legal"));
        Assert.Equal(["OME Configuration"], (await admin.ListOmeConfigurationsAsync()).Select(t => t.Identity));
    }

    [Theory, AllProviders]
    public async Task SetOmeConfigurationAsync_Audited_OldAndNewWithImageAsHashAndSize(StorageProvider provider)
    {
        var services = await OpenServicesAsync(provider);
        var admin = services.GetRequiredService<AdminService>();

        var result = await admin.SetOmeConfigurationAsync("OME Configuration", new SetOmeConfigurationRequest
        {
            EmailText = "Intro", ImageSpecified = true, Image = Png(40, 40),
        }, Actor);

        var record = Assert.Single(await admin.GetAuditLogAsync(10));
        Assert.Equal(("cli:tester", "Set", "OMEConfiguration", "OME Configuration"), (record.Actor, record.Operation, record.ObjectKind, record.ObjectIdentity));
        using var before = JsonDocument.Parse(record.OldValue!);
        using var after = JsonDocument.Parse(record.NewValue!);
        Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("emailText").ValueKind);
        Assert.Equal("Intro", after.RootElement.GetProperty("emailText").GetString());
        var image = after.RootElement.GetProperty("image");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(result.Image!)), image.GetProperty("sha256").GetString());
        Assert.Equal(result.Image!.Length, image.GetProperty("bytes").GetInt32());
        Assert.DoesNotContain(Convert.ToBase64String(result.Image!)[..40], record.NewValue, StringComparison.Ordinal);
    }
}
