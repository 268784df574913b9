using System.Net;
using System.Net.Http.Headers;
using Mailseal.Core.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Page;

public sealed class AdminPageAccessTests(AdminPageFixture fixture) : IClassFixture<AdminPageFixture>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/preview/wrapper?template=OME%20Configuration&language=en")]
    [InlineData("/admin/preview/message-html?template=OME%20Configuration&language=en")]
    [InlineData("/admin/preview/portal?template=OME%20Configuration&language=en")]
    public async Task Get_WithoutKey_Refused(string path)
    {
        using var client = fixture.Host.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(AdminPageFixture.BusyRule, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg class=\"chart\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer msk_0011223344556677_wrong")]
    [InlineData("Bearer ")]
    [InlineData("Basic b3BzOm9wcw==")]
    public async Task Get_WithWrongAuthorization_Refused(string authorization)
    {
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithBearerKey_ShowsPageUnderStrictPolicy()
    {
        using var client = fixture.Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Key);
        using var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'nonce-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(AdminPageFixture.BusyRule, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PortalPreview_PortalNotHostedHere_SaidPlainlyAndNotFound()
    {
        using var client = fixture.Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Key);

        var page = await client.GetStringAsync("/admin");
        using var preview = await client.GetAsync("/admin/preview/portal?template=OME%20Configuration&language=en");

        Assert.Contains("<p id=\"portal-not-hosted\">The portal is not hosted in this process", page, StringComparison.Ordinal);
        Assert.DoesNotContain("preview-portal", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongKey_RefusedWithoutCookie()
    {
        using var client = fixture.Host.Client();
        using var form = new FormUrlEncodedContent([new("key", "msk_0011223344556677_wrong")]);
        using var response = await client.PostAsync("/admin/signin", form);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SignIn_FromAnotherOrigin_Forbidden()
    {
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/signin")
        {
            Content = new FormUrlEncodedContent([new("key", fixture.Key)]),
        };
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Session_OfRevokedKey_EndsAtOnce()
    {
        var keys = fixture.Host.Services.GetRequiredService<AdminApiKeyService>();
        var created = await keys.CreateAsync("short-lived", AdminActor.Cli("test"));
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = fixture.Host.Address };
        using var form = new FormUrlEncodedContent([new("key", created.Secret)]);
        using var signIn = await client.PostAsync("/admin/signin", form);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(created.Secret, cookie, StringComparison.Ordinal);
        using (var page = await client.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await keys.RevokeAsync(created.Key.Id, AdminActor.Cli("test"));
        using var after = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
