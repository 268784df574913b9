using Mailseal.Admin.Tests.Api;
using Mailseal.Admin.Tests.Infrastructure;
using Mailseal.Core.Administration;
using Mailseal.Core.Branding;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Page;

/// <summary>
/// The portal and the admin page in one host, with two branding templates whose logos and texts differ, and one
/// admin API key.
/// </summary>
public sealed class PortalPreviewFixture : IAsyncLifetime
{
    public const string Contoso = "Contoso";
    public const string ContosoPortalText = "Contoso keeps this message safe.";
    public const string Fabrikam = "Fabrikam";
    public const string FabrikamPortalText = "Fabrikam secure delivery.";

    internal PortalAdminHost Host { get; private set; } = null!;

    public string Key { get; private set; } = "";

    /// <summary>Each template's logo as the portal page shows it: its stored (normalised) PNG as a data: URI.</summary>
    public IReadOnlyDictionary<string, string> LogoUris { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Host = await PortalAdminHost.StartAsync();
        var admin = Host.Services.GetRequiredService<AdminService>();
        var actor = AdminActor.Cli("test");
        await admin.NewOmeConfigurationAsync(
            new NewOmeConfigurationRequest { Identity = Contoso, PortalText = ContosoPortalText, Image = TestImages.Png(40, 20) }, actor);
        await admin.NewOmeConfigurationAsync(
            new NewOmeConfigurationRequest { Identity = Fabrikam, PortalText = FabrikamPortalText, Image = TestImages.Png(24, 24) }, actor);
        var store = Host.Services.GetRequiredService<IOmeConfigurationStore>();
        var logos = new Dictionary<string, string>();
        foreach (var name in new[] { Contoso, Fabrikam })
        {
            var image = (await store.FindAsync(name))!.Image!;
            logos[name] = "data:image/png;base64," + Convert.ToBase64String(image);
        }

        LogoUris = logos;
        Key = await Host.NewKeyAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
