using System.Net;
using System.Net.Http.Headers;
using Mailseal.Admin.Hosting;
using Mailseal.Cli.Hosting;
using Mailseal.Core.Administration;
using Mailseal.Gateway.Front;
using Mailseal.Protection.Keys;
using Mailseal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Cli.Tests.Hosting;

public sealed class MailsealHostTests : IDisposable
{
    private static readonly string[] PortZero =
    [
        "--Gateway:Listeners:0:Endpoint=127.0.0.1:0",
        "--Gateway:Listeners:1:Endpoint=127.0.0.1:0",
        "--Gateway:Listeners:2:Endpoint=127.0.0.1:0",
        "--Portal:Listen=127.0.0.1:0",
        "--Admin:Listen=127.0.0.1:0",
    ];

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Build_EmbeddedDefault_StartsThreeListenersMakesKeysAndStops()
    {
        var data = _directory.Combine("data");
        using var host = MailsealHost.Build(data, PortZero);

        await host.StartAsync();
        var listeners = host.Services.GetRequiredService<GatewayFront>().Listeners;
        Assert.Equal([FrontProtocol.Smtp, FrontProtocol.Lmtp, FrontProtocol.Submission], listeners.Select(l => l.Protocol));
        Assert.All(listeners, l => Assert.NotEqual(0, l.EndPoint.Port));
        Assert.True(await host.Services.GetRequiredService<KeyManager>().HasActiveKeysAsync());
        Assert.True(File.Exists(Path.Combine(data, EmbeddedDefaults.SubmissionPasswordFileName)));
        await host.StopAsync();
    }

    [Fact]
    public async Task Build_InvalidSetting_StartFailsNamingIt()
    {
        using var host = MailsealHost.Build(_directory.Combine("data"), [.. PortZero, "--Gateway:Pipeline:MaxHops=0"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MaxHops", error.Message, StringComparison.Ordinal);
    }

    /// <summary>`mailseal run` hosts the admin API on its own listener, apart from the public portal.</summary>
    [Fact]
    public async Task Build_EmbeddedDefault_AdminApiAnswersOnlyOnAdminListener()
    {
        await using var host = MailsealHost.Build(_directory.Combine("data"), PortZero);
        await host.StartAsync();
        var (admin, portal) = Listeners(host);
        using var client = await AdminClientAsync(host);

        using var onAdmin = await PostAsync(client, new Uri(admin, "admin/v1/transport-rules/list"));
        // Past the portal's same-origin check, so that its routing is what answers.
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        using var onPortal = await PostAsync(client, new Uri(portal, "admin/v1/transport-rules/list"));
        using var portalPageOnAdmin = await client.GetAsync(new Uri(admin, "/"));
        using var portalPage = await client.GetAsync(new Uri(portal, "/"));

        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        Assert.Equal("[]", await onAdmin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, onPortal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, portalPageOnAdmin.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, portalPage.StatusCode);
        await host.StopAsync();
    }

    /// <summary>Under `mailseal run` the portal is hosted, so the admin page previews its sign-in page.</summary>
    [Fact]
    public async Task Build_EmbeddedDefault_AdminPageServesPortalPreviewOnAdminListenerOnly()
    {
        await using var host = MailsealHost.Build(_directory.Combine("data"), PortZero);
        await host.StartAsync();
        var (admin, portal) = Listeners(host);
        using var client = await AdminClientAsync(host);
        const string preview = "/admin/preview/portal?template=OME%20Configuration&language=de";

        var dashboard = await client.GetStringAsync(new Uri(admin, "/admin"));
        using var onAdmin = await client.GetAsync(new Uri(admin, preview));
        using var onPortal = await client.GetAsync(new Uri(portal, preview));

        Assert.Contains("id=\"preview-portal\"", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        Assert.Contains("Sichere Nachricht öffnen", await onAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, onPortal.StatusCode);
        await host.StopAsync();
    }

    /// <summary>
    /// With the portal trusting forwarded headers from 127.0.0.1, a client on 127.0.0.1 that claims an allowed address
    /// (or a disallowed one) in X-Forwarded-For is judged by its connection: every admin path answers the same.
    /// </summary>
    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.5", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.0/8", "203.0.113.9", HttpStatusCode.OK)]
    public async Task Build_PortalTrustsProxy_XForwardedForNeverDecidesAdminNetworkCheck(
        string allowedNetwork, string forwardedFor, HttpStatusCode expected)
    {
        await using var host = MailsealHost.Build(
            _directory.Combine("data"), [.. PortZero, "--Portal:TrustedProxies:0=127.0.0.1", "--Admin:AllowedNetworks:0=" + allowedNetwork]);
        await host.StartAsync();
        var (admin, _) = Listeners(host);
        using var client = await AdminClientAsync(host);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);

        using var api = await PostAsync(client, new Uri(admin, "admin/v1/transport-rules/list"));
        using var metrics = await client.GetAsync(new Uri(admin, "metrics"));
        using var page = await client.GetAsync(new Uri(admin, "admin"));

        Assert.Equal(expected, api.StatusCode);
        Assert.Equal(expected, metrics.StatusCode);
        Assert.Equal(expected, page.StatusCode);
        await host.StopAsync();
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The admin listener and the portal's, once the host runs.</summary>
    private static (Uri Admin, Uri Portal) Listeners(WebApplication host)
    {
        var admin = host.Services.GetRequiredService<AdminListenerAddress>().Uri!;
        var portal = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).Single(u => u.Port != admin.Port);
        return (admin, portal);
    }

    /// <summary>A client with a new admin API key as Bearer.</summary>
    private static async Task<HttpClient> AdminClientAsync(WebApplication host)
    {
        var key = await host.Services.GetRequiredService<AdminApiKeyService>().CreateAsync("host test", AdminActor.Cli("test"));
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Uri uri)
    {
        using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(uri, body);
    }
}
