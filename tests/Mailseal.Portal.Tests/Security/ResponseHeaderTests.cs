using System.Net;
using System.Text.RegularExpressions;
using Mailseal.Portal.Tests.Infrastructure;

namespace Mailseal.Portal.Tests.Security;

public sealed partial class ResponseHeaderTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/open")]
    [InlineData("/signin")]
    public async Task Pages_StrictPolicyWithTheStyleNonce_NoStoreNoSniffNoReferrerNoFraming(string path)
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = StyleNonce().Match(html).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"style-src 'nonce-{nonce}'", policy, StringComparison.Ordinal);
        foreach (var directive in new[] { "default-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Pages_TwoResponses_DifferentNonces()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var first = await browser.GetAsync("/");
        using var second = await browser.GetAsync("/");

        Assert.NotEqual(
            StyleNonce().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value,
            StyleNonce().Match(await second.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9", "Gespeicherte Nachricht öffnen", "lang=\"de\"")]
    [InlineData("fr", "Ouvrir un message enregistré", "lang=\"fr\"")]
    [InlineData("es-MX", "Abrir un mensaje guardado", "lang=\"es\"")]
    [InlineData("ja", "保存したメッセージを開く", "lang=\"ja\"")]
    [InlineData("pt-BR", "Open a saved message", "lang=\"en\"")]
    public async Task Open_AcceptLanguage_PageInThatLanguageOrEnglish(string acceptLanguage, string title, string lang)
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open");
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var response = await browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(lang, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_CookiesHostPrefixedSecureHttpOnlyLax_AndHsts()
    {
        await using var app = await PortalApp.StartAsync(https: true);
        using var browser = app.CreateBrowser();
        var envelope = await app.SealAsync("Secure", ["bob@example.net"]);

        using var arrival = await browser.PostEnvelopeAsync(envelope);
        using var open = await browser.GetAsync("/open");

        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        var arrivalCookie = Assert.Single(arrival.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-mailseal-arrival=", arrivalCookie, StringComparison.Ordinal);
        AssertFlags(arrivalCookie, secure: true);
        var antiforgeryCookie = Assert.Single(open.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-mailseal-af=", antiforgeryCookie, StringComparison.Ordinal);
        Assert.Contains("secure", antiforgeryCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=", string.Join(",", open.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_CookiesWithoutPrefixOrSecure_NoHsts()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var arrival = await browser.PostEnvelopeAsync(await app.SealAsync("Plain", ["bob@example.net"]));

        var cookie = Assert.Single(arrival.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mailseal-arrival=", cookie, StringComparison.Ordinal);
        AssertFlags(cookie, secure: false);
        Assert.False(arrival.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Post_AnyPathButEnvelopeFromElsewhere_Forbidden()
    {
        await using var app = await PortalApp.StartAsync();
        using var client = app.CreateClient();

        foreach (var (origin, site) in new[] { ("null", "cross-site"), ("https://evil.example", "cross-site"), ("", ""), (app.Origin, "cross-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) };
            if (origin.Length > 0)
            {
                request.Headers.Add("Origin", origin);
            }

            if (site.Length > 0)
            {
                request.Headers.Add("Sec-Fetch-Site", site);
            }

            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private static void AssertFlags(string cookie, bool secure)
    {
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Equal(secure, attributes.Contains("secure"));
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    [GeneratedRegex("<style nonce=\"([^\"]+)\">")]
    private static partial Regex StyleNonce();
}
