using System.Collections.Concurrent;
using Mailseal.Portal.Tests.EndToEnd;
using Mailseal.Testing;
using Mailseal.Testing.Browsers;

namespace Mailseal.Portal.Tests.Attacks;

/// <summary>
/// Issue 4's attack body (script, remote and scheme-relative images, base, form, CSS url(), javascript: links)
/// sent through the gateway and read in the real portal in Chromium: every URL in it points at a listener on
/// loopback, and neither that listener nor the browser's network log sees a request to anything but the portal —
/// while the benign text and the inline image of the same message show.
/// </summary>
public sealed class HostileBodyInPortalTests : IDisposable
{
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task Read_HostileBody_NoRequestLeavesTheBrowser_BenignTextAndInlineImageShow()
    {
        await using var listener = new LoopbackRequestRecorder();
        await using var mailseal = await MailsealProcess.StartAsync();
        var wrapper = await mailseal.SendForWrapperAsync(EndToEndMessages.Hostile($"hostile-{Guid.NewGuid():N}@example.org", listener.BaseAddress));
        await using var chromium = await mailseal.LaunchChromiumAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var requests = new ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        var page = await context.NewPageAsync();
        var steps = new PortalSteps(mailseal, page, "hostile-body", _files);

        await steps.SignInAsync(wrapper, EndToEndMessages.Recipient);
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        var body = steps.BodyFrame();
        var text = await body.InnerTextAsync("body");
        var imageWidth = await body.Locator("img[alt=Logo]").EvaluateAsync<int>("image => image.complete ? image.naturalWidth : 0");
        await steps.ShotAsync("hostile-message");

        Assert.Contains("Benign text stays.", text, StringComparison.Ordinal);
        Assert.Contains("Real link", text, StringComparison.Ordinal);
        Assert.Equal(1, imageWidth);
        var portal = mailseal.PortalUrl.GetLeftPart(UriPartial.Authority);
        Assert.All(requests, url => Assert.True(
            url.StartsWith(portal + "/", StringComparison.Ordinal) || url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"The browser requested {url}."));
        Assert.Contains(requests, url => url.Contains("/body", StringComparison.Ordinal));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listener.NextRequestAsync(TimeSpan.FromSeconds(1)));
    }

    public void Dispose() => _files.Dispose();
}
