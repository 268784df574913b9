using Mailseal.Admin.Tests.Api;
using Mailseal.Core.Administration;
using Mailseal.Core.Branding;
using Mailseal.Testing.Images;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Page;

/// <summary>
/// The portal and the admin listener in one host, as under `mailseal run`, with one OpenID provider, two branding
/// templates whose logos and texts differ, and an admin API key.
/// </summary>
public sealed class PortalPreviewFixture : IAsyncLifetime
{
    public const string Contoso = "Contoso";
    public const string ContosoPortalText = "Contoso keeps this message safe.";
    public const string Fabrikam = "Fabrikam";
    public const string FabrikamPortalText = "Fabrikam secure delivery.";
    public const string OpenIdProvider = "Contoso ID";

    internal AdminApiApp App { get; private set; } = null!;

    public string Key => App.Key;

    /// <summary>Each template's logo as the portal page shows it: its stored (normalised) PNG as a data: URI.</summary>
    public IReadOnlyDictionary<string, string> LogoUris { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        App = await AdminApiApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Portal:OpenIdConnect:Providers:0:Name"] = "contoso-id",
                ["Portal:OpenIdConnect:Providers:0:DisplayName"] = OpenIdProvider,
                ["Portal:OpenIdConnect:Providers:0:Authority"] = "https://login.contoso.invalid/",
                ["Portal:OpenIdConnect:Providers:0:ClientId"] = "mailseal",
                ["Portal:OpenIdConnect:Providers:0:ClientSecret"] = "a client secret",
            },
            withPortal: true);
        var admin = App.Services.GetRequiredService<AdminService>();
        var actor = AdminActor.Cli("test");
        await admin.NewOmeConfigurationAsync(
            new NewOmeConfigurationRequest { Identity = Contoso, PortalText = ContosoPortalText, Image = TestImages.Png(40, 20) }, actor);
        await admin.NewOmeConfigurationAsync(
            new NewOmeConfigurationRequest { Identity = Fabrikam, PortalText = FabrikamPortalText, Image = TestImages.Png(24, 24) }, actor);
        var store = App.Services.GetRequiredService<IOmeConfigurationStore>();
        var logos = new Dictionary<string, string>();
        foreach (var name in new[] { Contoso, Fabrikam })
        {
            var image = (await store.FindAsync(name))!.Image!;
            logos[name] = "data:image/png;base64," + Convert.ToBase64String(image);
        }

        LogoUris = logos;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
