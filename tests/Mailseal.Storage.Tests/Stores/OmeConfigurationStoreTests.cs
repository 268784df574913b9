using Mailseal.Core.Branding;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class OmeConfigurationStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly byte[] Logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x00];

    [Theory, AllProviders]
    public async Task UpsertAsync_NewTemplate_FindAsyncReturnsAllFields(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        var template = new OmeConfiguration("Finance", "Intro <b>text</b>", "Disclaimer", "Portal", Logo);

        await storage.Branding.UpsertAsync(template);

        AssertSame(template, await storage.Branding.FindAsync("Finance"));
    }

    [Theory, AllProviders]
    public async Task FindAsync_IdentityInOtherCase_ReturnsTemplate(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Branding.UpsertAsync(new OmeConfiguration(OmeConfiguration.DefaultIdentity, "Hello"));

        var found = await storage.Branding.FindAsync("ome CONFIGURATION");

        Assert.Equal(OmeConfiguration.DefaultIdentity, found?.Identity);
    }

    [Theory, AllProviders]
    public async Task FindAsync_NonAsciiIdentityInOtherCase_ReturnsTemplate(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Branding.UpsertAsync(new OmeConfiguration("Überweisungen Ärzte", "Hallo"));

        Assert.NotNull(await storage.Branding.FindAsync("überweisungen ärzte"));
        Assert.Null(await storage.Branding.FindAsync("Uberweisungen Arzte"));
    }

    [Theory, AllProviders]
    public async Task UpsertAsync_SameIdentityOtherCase_ReplacesTheTemplate(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Branding.UpsertAsync(new OmeConfiguration("finance", "Old", "Old", "Old", Logo));
        var replacement = new OmeConfiguration("Finance", "New intro");

        await storage.Branding.UpsertAsync(replacement);

        var all = await storage.Branding.ListAsync();
        Assert.Single(all);
        AssertSame(replacement, all[0]);
    }

    [Theory, AllProviders]
    public async Task UpsertAsync_TextsAndImageNull_ReadBackAsNull(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);

        await storage.Branding.UpsertAsync(new OmeConfiguration("Plain"));

        var found = await storage.Branding.FindAsync("Plain");
        Assert.NotNull(found);
        Assert.Null(found.EmailText);
        Assert.Null(found.DisclaimerText);
        Assert.Null(found.PortalText);
        Assert.Null(found.Image);
    }

    [Theory, AllProviders]
    public async Task ListAsync_SeveralTemplates_ReturnsEachOnce(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Branding.UpsertAsync(new OmeConfiguration("b-Legal"));
        await storage.Branding.UpsertAsync(new OmeConfiguration(OmeConfiguration.DefaultIdentity));
        await storage.Branding.UpsertAsync(new OmeConfiguration("A-hr"));

        var identities = (await storage.Branding.ListAsync()).Select(template => template.Identity);

        Assert.Equal(["A-hr", "b-Legal", OmeConfiguration.DefaultIdentity], identities);
    }

    [Theory, AllProviders]
    public async Task RemoveAsync_IdentityInOtherCase_RemovesTemplate(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Branding.UpsertAsync(new OmeConfiguration("Finance"));
        await storage.Branding.UpsertAsync(new OmeConfiguration("Legal"));

        Assert.True(await storage.Branding.RemoveAsync("FINANCE"));

        Assert.Null(await storage.Branding.FindAsync("Finance"));
        Assert.NotNull(await storage.Branding.FindAsync("Legal"));
    }

    [Theory, AllProviders]
    public async Task RemoveAsync_UnknownIdentity_ReturnsFalse(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.Branding.UpsertAsync(new OmeConfiguration("Finance"));

        Assert.False(await storage.Branding.RemoveAsync("Legal"));
        Assert.Single(await storage.Branding.ListAsync());
    }

    private static void AssertSame(OmeConfiguration expected, OmeConfiguration? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Identity, actual.Identity);
        Assert.Equal(expected.EmailText, actual.EmailText);
        Assert.Equal(expected.DisclaimerText, actual.DisclaimerText);
        Assert.Equal(expected.PortalText, actual.PortalText);
        Assert.Equal(expected.Image, actual.Image);
    }
}
