using System.Collections.Concurrent;
using Mailseal.Testing.Browsers;
using Microsoft.Playwright;

namespace Mailseal.Portal.Tests.Viewing;

/// <summary>
/// The attack body rendered by headless Chromium in a sandboxed frame, as the portal serves it, but without the
/// body's Content-Security-Policy: the sanitiser alone must keep every request from leaving, while the benign
/// text and the inline image show.
/// </summary>
public sealed class BodyDocumentBrowserTests
{
    private const string Origin = "http://portal.test";

    [Fact]
    public async Task BodyDocument_AttackBodyInSandboxedFrame_NoRequestLeavesAndInlineImageShows()
    {
        var message = ViewMessages.With(ViewMessages.Related(HostileBodyTests.Attack, ViewMessages.Image("logo@example.org")));
        var body = ViewMessages.Builder().Build(message).BodyDocument;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        await page.RouteAsync("**/*", route => route.Request.Url switch
        {
            Origin + "/top" => route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "text/html; charset=utf-8",
                Body = "<!DOCTYPE html><iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" src=\"/body\" width=\"800\" height=\"2000\"></iframe>",
            }),
            Origin + "/body" => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", Body = body }),
            _ => route.AbortAsync(),
        });

        await page.GotoAsync(Origin + "/top", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var frame = page.Frames.Single(f => f.Url == Origin + "/body");
        var text = await frame.InnerTextAsync("body");
        var image = await frame.Locator("img[alt=Logo]").BoundingBoxAsync();

        Assert.Equal([Origin + "/top", Origin + "/body"], requests.Where(u => !u.StartsWith("data:", StringComparison.Ordinal)));
        Assert.Contains("Benign text stays.", text, StringComparison.Ordinal);
        Assert.Contains("Real link", text, StringComparison.Ordinal);
        Assert.NotNull(image);
        Assert.Equal(1, image.Width);
    }
}
