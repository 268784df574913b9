using Mailseal.Admin.Hosting;
using Mailseal.Delivery;
using Mailseal.Portal;
using Mailseal.Protection;
using Mailseal.Storage;
using Mailseal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailseal.Admin.Tests.Infrastructure;

/// <summary>
/// The portal and the admin listener in one real Kestrel, composed as `mailseal run` composes them (without the
/// gateway), each on 127.0.0.1 port 0, over SQLite in a temporary folder; with one OpenID provider configured.
/// </summary>
internal sealed class PortalAdminHost : IAsyncDisposable
{
    public const string OpenIdProvider = "Contoso ID";

    private readonly TempDirectory _directory;
    private readonly WebApplication _app;

    private PortalAdminHost(TempDirectory directory, WebApplication app)
    {
        _directory = directory;
        _app = app;
        AdminAddress = app.Services.GetRequiredService<AdminListenerAddress>().Uri!;
        PortalAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).Single(u => u.Port != AdminAddress.Port);
    }

    /// <summary>The admin listener, where the admin page answers.</summary>
    public Uri AdminAddress { get; }

    /// <summary>The portal's public listener.</summary>
    public Uri PortalAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<PortalAdminHost> StartAsync()
    {
        var directory = new TempDirectory();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrel();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = directory.Combine("data"),
            ["Delivery:PickupDirectory"] = directory.Combine("outbox"),
            ["Portal:PublicUrl"] = "http://portal.test/",
            ["Portal:Listen"] = "127.0.0.1:0",
            ["Admin:Listen"] = "127.0.0.1:0",
            ["Portal:ServiceAddress"] = "no-reply@example.org",
            ["Portal:Reply:ServiceAddress"] = "no-reply@example.org",
            // No test here sends a pass code: nothing listens there.
            ["Portal:Submission:Endpoint"] = $"127.0.0.1:{LoopbackPorts.Free()}",
            ["Portal:Submission:UserName"] = "portal",
            ["Portal:Submission:Password"] = "a long submission password",
            ["Portal:OpenIdConnect:Providers:0:Name"] = "contoso-id",
            ["Portal:OpenIdConnect:Providers:0:DisplayName"] = OpenIdProvider,
            ["Portal:OpenIdConnect:Providers:0:Authority"] = "https://login.contoso.invalid/",
            ["Portal:OpenIdConnect:Providers:0:ClientId"] = "mailseal",
            ["Portal:OpenIdConnect:Providers:0:ClientSecret"] = "a client secret",
        });
        var configuration = builder.Configuration;
        builder.Services
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddMailsealDelivery(configuration)
            .AddMailsealPortal(configuration)
            .AddMailsealAdmin(configuration);
        var app = builder.Build();
        app.UseMailsealAdminListener();
        app.UseMailsealPortal();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            directory.Dispose();
            throw;
        }

        return new PortalAdminHost(directory, app);
    }

    /// <summary>A new admin API key's secret.</summary>
    public Task<string> NewKeyAsync(string name = "ops") => AdminKeys.NewSecretAsync(Services, name);

    public HttpClient AdminClient() => new() { BaseAddress = AdminAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Dispose();
    }
}
