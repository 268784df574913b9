using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mailseal.Testing;
using Mailseal.Testing.Images;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Api;

public sealed partial class AdminApiRoutesTests : IAsyncLifetime
{
    private const string TestMessage = "From: Ann <ann@contoso.com>\r\nTo: Carol <carol@fabrikam.com>\r\nSubject: Quarterly numbers\r\n" +
        "Message-ID: <route-test@contoso.com>\r\nDate: Sat, 28 Nov 2026 08:00:00 +0000\r\n\r\nHello Carol.\r\n";

    private readonly List<string> _called = [];
    private readonly StringBuilder _bodies = new();
    private AdminApiApp _app = null!;

    public async Task InitializeAsync() => _app = await AdminApiApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryRoute_CalledOnce_AnswersAsDocumentedWithoutPrivateKeys()
    {
        var keys = await CallAsync<JsonElement>("tenant-keys/new", new { organizationName = "Contoso" });
        Assert.Equal(3, keys.GetArrayLength());
        var rotated = await CallAsync<JsonElement>("tenant-keys/new", new { purposes = new[] { "ContentKeyWrapping" } });
        var retired = await CallAsync<JsonElement>("tenant-keys/retire", new { keyId = keys.EnumerateArray().First(k => k.GetProperty("purpose").GetString() == "ContentKeyWrapping").GetProperty("id").GetString() });
        Assert.Equal("retired", retired.GetProperty("state").GetString(), ignoreCase: true);
        Assert.Equal(4, (await CallAsync<JsonElement>("tenant-keys/list", null)).GetArrayLength());
        Assert.Equal(1, rotated.GetArrayLength());

        Assert.Equal("OME Configuration", (await CallAsync<JsonElement>("ome-configurations/list", null))[0].GetProperty("identity").GetString());
        var set = await CallAsync<JsonElement>("ome-configurations/set", new
        {
            identity = "OME Configuration",
            request = new { emailText = "Contoso secure mail", portalText = "Contoso", imageSpecified = true, image = TestImages.Png(40, 20) },
        });
        Assert.Equal("Contoso secure mail", set.GetProperty("emailText").GetString());
        Assert.NotEqual(JsonValueKind.Null, set.GetProperty("image").ValueKind);
        Assert.Equal("Contoso", (await CallAsync<JsonElement>("ome-configurations/get", new { identity = "OME Configuration" })).GetProperty("portalText").GetString());
        Assert.Equal("From legal", (await CallAsync<JsonElement>("ome-configurations/new", new { identity = "Legal", emailText = "From legal" })).GetProperty("emailText").GetString());
        await CallNoContentAsync("ome-configurations/remove", new { identity = "Legal" });

        Assert.Equal("contoso.com", (await CallAsync<JsonElement>("accepted-domains/new", new { domainName = "contoso.com" })).GetProperty("domainName").GetString());
        Assert.Equal("Authoritative", (await CallAsync<JsonElement>("accepted-domains/list", null))[0].GetProperty("type").GetString());

        await CallAsync<JsonElement>("users/new", new { address = "ann@contoso.com", displayName = "Ann", language = "de-DE" });
        Assert.Equal("de-DE", (await CallAsync<JsonElement>("users/get", new { address = "ann@contoso.com" })).GetProperty("language").GetString());
        var reverted = await CallAsync<JsonElement>("users/set", new { address = "ann@contoso.com", change = new { language = "" } });
        Assert.Equal(JsonValueKind.Null, reverted.GetProperty("language").ValueKind);
        Assert.Equal(1, (await CallAsync<JsonElement>("users/list", null)).GetArrayLength());

        var rule = await CallAsync<JsonElement>("transport-rules/new", new
        {
            name = "Encrypt outside",
            predicates = new[] { new { name = "SentToScope", values = new[] { "NotInOrganization" } } },
            applyOme = true,
            mode = "Enforce",
        });
        Assert.Equal(0, rule.GetProperty("priority").GetInt32());
        await CallAsync<JsonElement>("transport-rules/set", new { identity = "Encrypt outside", change = new { comments = "outside only" } });
        Assert.Equal("Disabled", (await CallAsync<JsonElement>("transport-rules/disable", new { identity = "Encrypt outside" })).GetProperty("state").GetString());
        Assert.Equal("Enabled", (await CallAsync<JsonElement>("transport-rules/enable", new { identity = "Encrypt outside" })).GetProperty("state").GetString());
        Assert.Equal("outside only", (await CallAsync<JsonElement>("transport-rules/get", new { identity = "Encrypt outside" })).GetProperty("comments").GetString());
        Assert.Equal(1, (await CallAsync<JsonElement>("transport-rules/list", null)).GetArrayLength());
        var test = await CallAsync<JsonElement>("transport-rules/test", new
        {
            message = Encoding.ASCII.GetBytes(TestMessage),
            sender = "ann@contoso.com",
            recipients = new[] { "carol@fabrikam.com" },
        });
        Assert.Contains("Encrypt outside", test.GetProperty("evaluation").GetRawText(), StringComparison.Ordinal);

        var dkim = await CallAsync<JsonElement>("dkim-keys/new", new { domain = "contoso.com", selector = "s2026" });
        Assert.StartsWith("v=DKIM1", dkim.GetProperty("txtValue").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await CallAsync<JsonElement>("dkim-keys/list", null)).GetArrayLength());

        Assert.Equal(0, (await CallAsync<JsonElement>("report/traffic", new { startDate = "2026-11-01", endDate = "2026-11-30" })).GetArrayLength());

        var document = await CallAsync<JsonElement>("configuration/export", null);
        Assert.Equal(0, (await CallAsync<JsonElement>("configuration/import", new { document, dryRun = true })).GetArrayLength());

        await CallNoContentAsync("transport-rules/remove", new { identity = "Encrypt outside" });
        await CallNoContentAsync("users/remove", new { address = "ann@contoso.com" });
        await CallNoContentAsync("accepted-domains/remove", new { domainName = "contoso.com" });

        var audit = await CallAsync<JsonElement>("audit-log/get", new { limit = 100 });
        var actors = audit.EnumerateArray().Where(r => r.GetProperty("objectKind").GetString() != "AdminApiKey")
            .Select(r => r.GetProperty("actor").GetString()).Distinct().ToList();
        Assert.Equal(["api-key:" + AdminApiApp.KeyName], actors);
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("operation").GetString() == "Set" && r.GetProperty("objectKind").GetString() == "OMEConfiguration");

        Assert.Equal(MappedRoutes(), _called.Order(StringComparer.Ordinal));
        Assert.Equal(MappedRoutes(), DocumentedRoutes());
        Assert.DoesNotContain("PRIVATE KEY", _bodies.ToString(), StringComparison.Ordinal);
    }

    private async Task<T> CallAsync<T>(string route, object? body)
    {
        using var response = await _app.PostAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Record(route, text);
        return JsonSerializer.Deserialize<T>(text, ApiJson.Options)!;
    }

    private async Task CallNoContentAsync(string route, object body)
    {
        using var response = await _app.PostAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{route}: {(int)response.StatusCode} {text}");
        Record(route, text);
    }

    private void Record(string route, string body)
    {
        if (!_called.Contains(route))
        {
            _called.Add(route);
        }

        _bodies.AppendLine(body);
    }

    private List<string> MappedRoutes() =>
    [
        .. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Where(p => p.StartsWith(AdminEndpointRouteBuilderExtensions.ApiPrefix, StringComparison.Ordinal))
            .Select(p => p[(AdminEndpointRouteBuilderExtensions.ApiPrefix.Length + 1)..]).Order(StringComparer.Ordinal),
    ];

    private static List<string> DocumentedRoutes() =>
    [
        .. DocumentedRoute().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "admin-api.md")))
            .Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal),
    ];

    [GeneratedRegex(@"^\| `([a-z-]+/[a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedRoute();
}
