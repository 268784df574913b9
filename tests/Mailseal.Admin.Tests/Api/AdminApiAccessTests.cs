using System.Net;
using System.Text.Json;
using Mailseal.Core.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Api;

public sealed class AdminApiAccessTests : IAsyncLifetime
{
    private AdminApiApp _app = null!;

    public async Task InitializeAsync() => _app = await AdminApiApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Post_NoKey_Unauthorized()
    {
        using var client = AdminApiApp.NewClient(_app.AdminUri, key: null);

        using var response = await _app.PostAsync("users/list", null, client);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("Admin API request refused: no API key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("msk_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    public async Task Post_WrongKey_Unauthorized(string wrongKey)
    {
        using var client = AdminApiApp.NewClient(_app.AdminUri, wrongKey);

        using var response = await _app.PostAsync("users/list", null, client);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(_app.Logs.Lines, l => l.Contains("Admin API request refused: wrong, unknown or revoked API key", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(wrongKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_KeyWithSecretAltered_Unauthorized()
    {
        using var client = AdminApiApp.NewClient(_app.AdminUri, _app.Key[..^2] + (_app.Key.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));

        using var response = await _app.PostAsync("users/list", null, client);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Post_RevokedKey_UnauthorizedAndKeyNeverLogged()
    {
        var keys = _app.Services.GetRequiredService<AdminApiKeyService>();
        var created = await keys.CreateAsync("soon revoked", AdminActor.Cli("test"));
        using var client = AdminApiApp.NewClient(_app.AdminUri, created.Secret);
        using (var before = await _app.PostAsync("users/list", null, client))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await keys.RevokeAsync(created.Key.Id, AdminActor.Cli("test"));
        using var response = await _app.PostAsync("users/list", null, client);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(created.Secret, StringComparison.Ordinal) || l.Contains(_app.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ValidKeyFromAddressNotAllowed_ForbiddenAndLogged()
    {
        await using var app = await AdminApiApp.StartAsync(new Dictionary<string, string?> { ["Admin:AllowedNetworks:0"] = "10.0.0.0/8" });

        using var response = await app.PostAsync("users/list", null);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains(app.Logs.Lines, l => l.Contains("Admin API request refused: client address not in Admin:AllowedNetworks, client 127.0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(app.Key, StringComparison.Ordinal));
        var key = (await app.Services.GetRequiredService<AdminApiKeyService>().ListAsync()).Single(k => k.Name == AdminApiApp.KeyName);
        Assert.Null(key.LastUsedAt);
    }

    [Fact]
    public async Task Post_OnPublicListenerWithValidKey_NotFound()
    {
        using var client = AdminApiApp.NewClient(_app.PublicUri, _app.Key);
        using (var publicRoute = await client.GetAsync(new Uri("/", UriKind.Relative)))
        {
            Assert.Equal(AdminApiApp.PublicRouteText, await publicRoute.Content.ReadAsStringAsync());
        }

        client.DefaultRequestHeaders.Host = $"127.0.0.1:{_app.AdminUri.Port}";
        using var response = await _app.PostAsync("users/list", null, client);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_PublicRouteOnAdminListener_NotFoundAndNoKeyLookedAt()
    {
        using var response = await _app.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var publicClient = AdminApiApp.NewClient(_app.PublicUri, key: null);
        using var publicResponse = await publicClient.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicResponse.StatusCode);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains("Admin API request refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ValidKey_RecordsUseAndActsAsKeyName()
    {
        using var response = await _app.PostAsync("accepted-domains/new", new { domainName = "contoso.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(await _app.Services.GetRequiredService<AdminService>().GetAuditLogAsync(10), r => r.ObjectKind == "AcceptedDomain");
        Assert.Equal("api-key:" + AdminApiApp.KeyName, record.Actor);
        var key = (await _app.Services.GetRequiredService<AdminApiKeyService>().ListAsync()).Single(k => k.Name == AdminApiApp.KeyName);
        Assert.NotNull(key.LastUsedAt);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string kind)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiJson.ReadElementAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        return problem;
    }
}
