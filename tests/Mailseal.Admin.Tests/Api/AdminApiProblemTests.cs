using System.Net;
using System.Text;

namespace Mailseal.Admin.Tests.Api;

public sealed class AdminApiProblemTests : IAsyncLifetime
{
    private AdminApiApp _app = null!;

    public async Task InitializeAsync() => _app = await AdminApiApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("EmailText", 1025, "must be at most 1024 characters")]
    [InlineData("DisclaimerText", 1025, "must be at most 1024 characters")]
    [InlineData("PortalText", 129, "must be at most 128 characters")]
    public async Task SetOmeConfiguration_TextTooLong_ValidationWithFieldAndLimit(string field, int length, string limit)
    {
        var request = new Dictionary<string, object> { [char.ToLowerInvariant(field[0]) + field[1..]] = new string('x', length) };

        using var response = await _app.PostAsync("ome-configurations/set", new { identity = "OME Configuration", request });

        var problem = await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(limit, problem.GetProperty("limit").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetOmeConfiguration_ImageNotAnImage_ValidationNamingImage()
    {
        using var response = await _app.PostAsync("ome-configurations/set", new
        {
            identity = "OME Configuration",
            request = new { imageSpecified = true, image = Encoding.ASCII.GetBytes("GIF89a not really") },
        });

        var problem = await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("Image", problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("limit").GetString()));
    }

    [Fact]
    public async Task NewTransportRule_BadScopeValue_ValidationNamingExchangeParameter()
    {
        using var response = await _app.PostAsync("transport-rules/new", new
        {
            name = "Bad",
            predicates = new[] { new { name = "ExceptIfSentToScope", values = new[] { "Everywhere" } } },
        });

        var problem = await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("ExceptIfSentToScope", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("{\"identity\":\"OME Configuration\",\"request\":{},\"extra\":1}")]
    [InlineData("{\"request\":{}}")]
    [InlineData("{\"identity\":null,\"request\":{}}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task SetOmeConfiguration_BodyNotAsDocumented_ValidationOnBody(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _app.Client.PostAsync(new Uri("admin/v1/ome-configurations/set", UriKind.Relative), content);

        var problem = await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("Body", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task GetTransportRule_Unknown_NotFound()
    {
        using var response = await _app.PostAsync("transport-rules/get", new { identity = "No such rule" });

        var problem = await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("No such rule", problem.GetProperty("identity").GetString());
    }

    [Fact]
    public async Task NewAcceptedDomain_Twice_Conflict()
    {
        using (var first = await _app.PostAsync("accepted-domains/new", new { domainName = "contoso.com" }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var response = await _app.PostAsync("accepted-domains/new", new { domainName = "Contoso.com" });

        await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Import_NewerDocumentVersion_ValidationNamingVersion()
    {
        using var response = await _app.PostAsync("configuration/import", new { document = new { version = 99 }, dryRun = true });

        var problem = await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("Version", problem.GetProperty("field").GetString());
    }
}
