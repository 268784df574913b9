using System.Net;
using Mailseal.Admin.Tests.Api;

namespace Mailseal.Admin.Tests.Page;

/// <summary>The admin page's preview of the portal's sign-in page, in a host that runs the portal.</summary>
public sealed class PortalPagePreviewTests(PortalPreviewFixture fixture) : IClassFixture<PortalPreviewFixture>
{
    // From PortalStrings*.resx and OpenIdStrings*.resx, written out so that a page in the wrong language fails.
    public static TheoryData<string, string, string, string, string> Combinations => new()
    {
        { PortalPreviewFixture.Contoso, "de", "Sichere Nachricht öffnen", "Einmal-Code verwenden", $"Mit {PortalPreviewFixture.OpenIdProvider} anmelden" },
        { PortalPreviewFixture.Fabrikam, "de", "Sichere Nachricht öffnen", "Einmal-Code verwenden", $"Mit {PortalPreviewFixture.OpenIdProvider} anmelden" },
        { PortalPreviewFixture.Contoso, "en", "Open your secure message", "Use a one-time pass code", $"Sign in with {PortalPreviewFixture.OpenIdProvider}" },
        { PortalPreviewFixture.Fabrikam, "ja", "セキュア メッセージを開く", "ワンタイム パスコードを使う", $"{PortalPreviewFixture.OpenIdProvider} でサインイン" },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task PortalPreview_TemplateAndLanguage_ShowsThatLogoTextsAndStrings(
        string template, string language, string chooseTitle, string passCode, string openId)
    {
        using var client = AuthorizedClient();

        using var response = await client.GetAsync(PreviewPath(template, language));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'none'", policy, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var other = template == PortalPreviewFixture.Contoso ? PortalPreviewFixture.Fabrikam : PortalPreviewFixture.Contoso;
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        // Razor writes '+' in an attribute as "&#x2B;"; the browser reads the same bytes.
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains($"src=\"{fixture.LogoUris[template]}\"", decoded, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.LogoUris[other], decoded, StringComparison.Ordinal);
        Assert.Contains(PortalTextOf(template), html, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalTextOf(other), html, StringComparison.Ordinal);
        Assert.Contains($"<h1 id=\"choose-title\">{chooseTitle}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(passCode, html, StringComparison.Ordinal);
        Assert.Contains(openId, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Northwind", "de")]
    [InlineData(PortalPreviewFixture.Contoso, "xx")]
    [InlineData(PortalPreviewFixture.Contoso, null)]
    [InlineData(null, "de")]
    public async Task PortalPreview_UnknownTemplateOrLanguage_NotFoundWithoutEcho(string? template, string? language)
    {
        using var client = AuthorizedClient();
        var query = string.Join("&", new[] { ("template", template), ("language", language) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

        using var response = await client.GetAsync("/admin/preview/portal?" + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Northwind", body, StringComparison.Ordinal);
        Assert.DoesNotContain("xx", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer msk_0011223344556677_wrong")]
    public async Task PortalPreview_WithoutValidKey_Refused(string? authorization)
    {
        using var client = AdminApiApp.NewClient(fixture.App.AdminUri, null);
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.GetAsync(PreviewPath(PortalPreviewFixture.Contoso, "de"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(PortalPreviewFixture.ContosoPortalText, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_PortalHosted_FramesThePortalPreview()
    {
        using var client = AuthorizedClient();

        var html = await client.GetStringAsync($"/admin?template={PortalPreviewFixture.Fabrikam}&language=fr");

        Assert.Contains("<iframe id=\"preview-portal\" sandbox=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("/admin/preview/portal?template=Fabrikam&amp;language=fr", html, StringComparison.Ordinal);
        Assert.DoesNotContain("portal-not-hosted", html, StringComparison.Ordinal);
    }

    private static string PreviewPath(string template, string language) =>
        $"/admin/preview/portal?template={Uri.EscapeDataString(template)}&language={language}";

    private static string PortalTextOf(string template) =>
        template == PortalPreviewFixture.Contoso ? PortalPreviewFixture.ContosoPortalText : PortalPreviewFixture.FabrikamPortalText;

    private HttpClient AuthorizedClient() => AdminApiApp.NewClient(fixture.App.AdminUri, fixture.Key);
}
