using System.Security.Cryptography;
using System.Text;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Wrapper;
using Mailseal.Testing;
using Mailseal.Testing.Browsers;
using Microsoft.Playwright;
using MimeKit;

namespace Mailseal.Protection.Tests.Wrapper;

/// <summary>message.html and the wrapper's HTML part in a real browser (Debian's headless Chromium).</summary>
public sealed class MessageHtmlBrowserTests
{
    // Guards against a hang only; the post normally arrives within a second.
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MessageHtml_ButtonPressedFromFile_PostsEnvelopeIntactAsMultipartForm()
    {
        using var temp = new TempDirectory();
        var envelope = RandomNumberGenerator.GetBytes(200 * 1024);
        await using var portal = new LoopbackRequestRecorder();
        var path = temp.Combine("message.html");
        await using (var file = File.Create(path))
        {
            await MessageHtmlWriter.WriteAsync(file, EffectiveBranding.Resolve(null, "en"), portal.BaseAddress, new MemoryStream(envelope));
        }

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtifacts.PathFor("message-html-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtifacts.PathFor("message-html-desktop.png"), FullPage = true });

        await page.ClickAsync("button[type=submit]");
        var request = await portal.NextRequestAsync(PostTimeout);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/envelope", request.Path);
        Assert.Equal("null", request.Header("Origin"));
        var contentType = ContentType.Parse(request.Header("Content-Type") ?? string.Empty);
        Assert.Equal("multipart/form-data", contentType.MimeType);
        var form = Assert.IsType<Multipart>(MimeEntity.Load(contentType, new MemoryStream(request.Body)));
        var field = Assert.IsAssignableFrom<MimePart>(Assert.Single(form));
        Assert.Equal("envelope", field.ContentDisposition?.Parameters["name"]);
        using var value = new MemoryStream();
        await field.Content!.DecodeToAsync(value);
        var base64 = Encoding.ASCII.GetString(value.ToArray()).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        Assert.Equal(envelope, Convert.FromBase64String(base64));
    }

    [Fact]
    public async Task WrapperHtmlPart_RenderedWithInlineLogo_ShowsLogoAndTexts()
    {
        using var temp = new TempDirectory();
        var message = WrapperMailBuilderTests.Parse(await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope(), "fr"));
        var logo = message.BodyParts.OfType<MimePart>().Single(p => p.ContentId is not null);
        using var logoBytes = new MemoryStream();
        await logo.Content!.DecodeToAsync(logoBytes);
        // A mail client resolves cid: itself; the browser gets the same image as a data: URI.
        var html = message.HtmlBody!.Replace($"cid:{logo.ContentId}", "data:image/png;base64," + Convert.ToBase64String(logoBytes.ToArray()), StringComparison.Ordinal);
        var path = temp.Combine("wrapper.html");
        await File.WriteAllTextAsync(path, html);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 700, Height = 700 } });
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestArtifacts.PathFor("wrapper-html-fr.png"), FullPage = true });

        var logoWidth = await page.EvaluateAsync<int>("document.querySelector('img').naturalWidth");
        Assert.True(logoWidth > 0, "The logo did not load.");
        var text = await page.InnerTextAsync("body");
        Assert.Contains("Vous avez reçu un message chiffré", text, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.org/open", text, StringComparison.Ordinal);
    }
}
