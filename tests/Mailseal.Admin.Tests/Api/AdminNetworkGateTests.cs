using System.Collections.Concurrent;
using System.Net;
using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Api;

/// <summary>One network check for every path of the admin listener, on the connection's own address.</summary>
public sealed class AdminNetworkGateTests
{
    private static readonly Dictionary<string, string?> LoopbackExcluded = new() { ["Admin:AllowedNetworks:0"] = "10.0.0.0/8" };

    [Fact]
    public async Task AnyPath_FromDisallowedNetwork_SameForbiddenProblemAndLogLine()
    {
        await using var app = await AdminApiApp.StartAsync(LoopbackExcluded);
        string[] paths = ["/admin/v1/users/list", "/admin", "/admin/signin", "/metrics", "/no-such-path"];

        foreach (var path in paths)
        {
            using var response = path.StartsWith("/admin/v1/", StringComparison.Ordinal)
                ? await app.Client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}"))
                : await app.Client.GetAsync(new Uri(path, UriKind.Relative));

            await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
            Assert.Contains(app.Logs.Lines, l => l.Contains(
                $"Admin API request refused: client address not in Admin:AllowedNetworks, client 127.0.0.1, path {path}", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(app.Key, StringComparison.Ordinal));
        var key = (await app.Services.GetRequiredService<AdminApiKeyService>().ListAsync()).Single(k => k.Name == AdminApiApp.KeyName);
        Assert.Null(key.LastUsedAt);
    }

    /// <summary>
    /// Forwarded headers from a trusted proxy (loopback is one by default) run ahead of the admin listener and rewrite
    /// the request's client address; the admin check still sees the connection's peer, in both directions.
    /// </summary>
    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.5", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.0/8", "203.0.113.9", HttpStatusCode.OK)]
    public async Task XForwardedFor_FromTrustedProxyAheadOfAdminListener_CheckUsesConnectionAddress(
        string allowedNetwork, string forwardedFor, HttpStatusCode expected)
    {
        var seenByHost = new ConcurrentQueue<IPAddress?>();
        await using var app = await AdminApiApp.StartAsync(
            new Dictionary<string, string?> { ["Admin:AllowedNetworks:0"] = allowedNetwork },
            beforeAdminListener: host =>
            {
                host.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
                host.Use((context, next) =>
                {
                    seenByHost.Enqueue(context.Connection.RemoteIpAddress);
                    return next(context);
                });
            });
        app.Client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);

        using var response = await app.PostAsync("users/list", null);

        Assert.Equal(expected, response.StatusCode);
        // The header was honoured ahead of the admin listener: the host saw the forwarded address, the check did not.
        Assert.Equal(IPAddress.Parse(forwardedFor), Assert.Single(seenByHost));
        Assert.Equal(expected == HttpStatusCode.Forbidden, app.Logs.Lines.Any(l => l.Contains(
            "client address not in Admin:AllowedNetworks, client 127.0.0.1,", StringComparison.Ordinal)));
    }
}
