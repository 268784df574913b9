using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mailseal.Admin.Hosting;
using Mailseal.Core.Administration;
using Mailseal.Delivery;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Pipeline;
using Mailseal.Portal;
using Mailseal.Protection;
using Mailseal.Storage;
using Mailseal.Testing;
using Mailseal.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailseal.Admin.Tests.Api;

/// <summary>
/// A real host on 127.0.0.1 port 0: SQLite in a temp folder, the admin listener, a second "public" listener that
/// stands for the portal's — or, with the portal, is the portal's as under `mailseal run` — and optionally the
/// gateway (SMTP front and pipeline, delivery to a pickup folder). Every log line is recorded. <see cref="Client"/>
/// carries an API key named <see cref="KeyName"/>.
/// </summary>
internal sealed class AdminApiApp : IAsyncDisposable
{
    public const string KeyName = "ops laptop";
    public const string PublicRouteText = "public listener";

    private readonly TempDirectory _temp;
    private readonly WebApplication _app;

    private AdminApiApp(TempDirectory temp, WebApplication app, RecordingLoggerProvider logs, string key, Uri adminUri, Uri publicUri)
    {
        _temp = temp;
        _app = app;
        Logs = logs;
        Key = key;
        AdminUri = adminUri;
        PublicUri = publicUri;
        Client = NewClient(adminUri, key);
    }

    public RecordingLoggerProvider Logs { get; }

    /// <summary>The API key of <see cref="Client"/>; tests check it never appears in a log.</summary>
    public string Key { get; }

    public Uri AdminUri { get; }

    public Uri PublicUri { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public string Outbox => _temp.Combine("outbox");

    /// <summary>What the portal needs to start; no test here sends a pass code, so nothing listens at the Submission port.</summary>
    private static Dictionary<string, string?> PortalSettings() => new()
    {
        ["Portal:PublicUrl"] = "http://portal.test/",
        ["Portal:Listen"] = "127.0.0.1:0",
        ["Portal:ServiceAddress"] = "no-reply@example.org",
        ["Portal:Reply:ServiceAddress"] = "no-reply@example.org",
        ["Portal:Submission:Endpoint"] = $"127.0.0.1:{LoopbackPorts.Free()}",
        ["Portal:Submission:UserName"] = "portal",
        ["Portal:Submission:Password"] = "a long submission password",
    };

    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="withGateway">Also hosts the SMTP front and pipeline.</param>
    /// <param name="withPortal">Also hosts the portal, whose listener is then the public one.</param>
    /// <param name="beforeAdminListener">Middleware a host puts ahead of the admin listener (e.g. forwarded headers).</param>
    public static async Task<AdminApiApp> StartAsync(
        IDictionary<string, string?>? settings = null,
        bool withGateway = false,
        bool withPortal = false,
        Action<WebApplication>? beforeAdminListener = null)
    {
        var temp = new TempDirectory();
        var logs = new RecordingLoggerProvider();
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = temp.Combine("data"),
                ["Delivery:PickupDirectory"] = temp.Combine("outbox"),
                ["Admin:Listen"] = "127.0.0.1:0",
                ["Gateway:Hostname"] = "mx.test.example",
                ["Gateway:Listeners:0:Name"] = "smtp",
                ["Gateway:Listeners:0:Protocol"] = "Smtp",
                ["Gateway:Listeners:0:Endpoint"] = "127.0.0.1:0",
            });
            builder.Configuration.AddInMemoryCollection(withPortal ? PortalSettings() : []);
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
            builder.Services
                .AddMailsealStorage(builder.Configuration)
                .AddMailsealProtection(builder.Configuration)
                .AddMailsealDelivery(builder.Configuration)
                .AddMailsealAdmin(builder.Configuration);
            if (withPortal)
            {
                builder.Services.AddMailsealPortal(builder.Configuration);
            }
            else
            {
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            }

            if (withGateway)
            {
                builder.Services
                    .AddMailsealPipeline(builder.Configuration)
                    .AddSingleton<SpoolFactory>(() => new MemoryStream())
                    .AddMailsealGatewayFront(builder.Configuration);
            }

            app = builder.Build();
            beforeAdminListener?.Invoke(app);
            app.UseMailsealAdminListener();
            if (withPortal)
            {
                app.UseMailsealPortal();
            }
            else
            {
                app.MapGet("/", () => PublicRouteText);
            }

            await app.StartAsync();

            var adminUri = app.Services.GetRequiredService<AdminListenerAddress>().Uri ?? throw new InvalidOperationException("The admin listener is not bound.");
            var publicUri = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/")).Single(u => u.Port != adminUri.Port);
            var key = await app.Services.GetRequiredService<AdminApiKeyService>().CreateAsync(KeyName, AdminActor.Cli("test"));
            return new AdminApiApp(temp, app, logs, key.Secret, adminUri, publicUri);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            temp.Dispose();
            throw;
        }
    }

    public static HttpClient NewClient(Uri baseAddress, string? key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>POSTs <paramref name="body"/> as the API's JSON to /admin/v1/<paramref name="route"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string route, object? body, HttpClient? client = null) =>
        (client ?? Client).PostAsJsonAsync("admin/v1/" + route, body ?? new { }, ApiJson.Options);

    public int SmtpPort => Services.GetRequiredService<GatewayFront>().Listeners.Single().EndPoint.Port;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _temp.Dispose();
    }
}
