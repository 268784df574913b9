using Mailseal.Admin.Hosting;
using Mailseal.Core.Administration;
using Mailseal.Delivery;
using Mailseal.Protection;
using Mailseal.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailseal.Admin.Tests.Infrastructure;

/// <summary>
/// The admin listener (the admin page, /metrics and the API) in a real Kestrel on 127.0.0.1 port 0, as production
/// serves it, over the SQLite database in the given data folder, which other nodes of a test may share.
/// </summary>
internal sealed class AdminHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<AdminHost> StartAsync(string dataDirectory, string outbox)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Delivery:PickupDirectory"] = outbox,
            ["Admin:Listen"] = "127.0.0.1:0",
        });
        builder.Services
            .AddMailsealStorage(builder.Configuration)
            .AddMailsealProtection(builder.Configuration)
            .AddMailsealDelivery(builder.Configuration)
            .AddMailsealAdmin(builder.Configuration);
        var app = builder.Build();
        app.UseMailsealAdminListener();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<AdminListenerAddress>().Uri ?? throw new InvalidOperationException("The admin listener is not bound.");
        return new AdminHost(app, address);
    }

    /// <summary>A new admin API key's secret.</summary>
    public async Task<string> NewKeyAsync(string name = "ops") =>
        (await Services.GetRequiredService<AdminApiKeyService>().CreateAsync(name, AdminActor.Cli("test"))).Secret;

    public HttpClient Client() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
