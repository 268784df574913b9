using System.Net;
using Mailseal.Portal.Tests.EndToEnd;
using Mailseal.Testing;
using Microsoft.Playwright;

namespace Mailseal.Portal.Tests.Attacks;

/// <summary>
/// A page on another site (a file:// page, as an attacker's attachment would be) in the browser of a signed-in
/// recipient: it forges an arrival from a sandboxed frame (Origin: null, like message.html) and then posts to
/// send a pass code and to send a reply. Only the arrival is accepted (it is the one cross-site POST by design);
/// the other two are refused and nothing is mailed.
/// </summary>
public sealed class CrossSiteBrowserTests : IDisposable
{
    private readonly TempDirectory _files = new();

    // A busy machine can take its time over a frame that posts a whole envelope.
    private static readonly PageRunAndWaitForResponseOptions Patient = new() { Timeout = 120_000 };

    [Fact]
    public async Task ForgedArrivalThenCrossSitePosts_CodeAndReplyRefused_NothingMailed()
    {
        await using var mailseal = await MailsealProcess.StartAsync();
        var wrapper = await mailseal.SendForWrapperAsync(EndToEndMessages.Figures($"cross-{Guid.NewGuid():N}@example.org"));
        await using var chromium = await mailseal.LaunchChromiumAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var steps = new PortalSteps(mailseal, page, "cross-site", _files);
        await steps.SignInAsync(wrapper, EndToEndMessages.Recipient);
        var readPage = page.Url;
        var mailsToRecipient = mailseal.Outbox.For(EndToEndMessages.Recipient).Count;
        var envelope = WrapperEnvelope.Base64(wrapper);

        var attacker = _files.Combine("attacker.html");
        await File.WriteAllTextAsync(attacker, AttackerPage(mailseal.PortalUrl, readPage, envelope));
        await page.GotoAsync(new Uri(attacker).AbsoluteUri);
        var arrival = await page.RunAndWaitForResponseAsync(
            () => page.FrameLocator("#forge").Locator("button").ClickAsync(),
            response => response.Url.EndsWith("/envelope", StringComparison.Ordinal), Patient);
        var code = await page.RunAndWaitForResponseAsync(
            () => page.EvaluateAsync("document.getElementById('code').submit()"), response => response.Url.Contains("/signin/code", StringComparison.Ordinal), Patient);
        var reply = await page.RunAndWaitForResponseAsync(
            () => page.EvaluateAsync("document.getElementById('reply').submit()"), response => response.Url.Contains("handler=Reply", StringComparison.Ordinal), Patient);
        await steps.ShotAsync("attacker-page");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal("null", await arrival.Request.HeaderValueAsync("origin"));
        Assert.Equal((int)HttpStatusCode.Forbidden, code.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal(mailsToRecipient, mailseal.Outbox.For(EndToEndMessages.Recipient).Count);
        Assert.Empty(mailseal.Outbox.For(EndToEndMessages.Sender));
        var stillSignedIn = await page.GotoAsync(readPage);
        Assert.Equal((int)HttpStatusCode.OK, stillSignedIn!.Status);
    }

    public void Dispose() => _files.Dispose();

    /// <summary>
    /// The attacker's page: a sandboxed frame (forms allowed, no origin) whose button posts a forged arrival, and
    /// two plain forms aimed at the portal's pass-code and reply handlers, each answering into a frame of its own.
    /// </summary>
    private static string AttackerPage(Uri portal, string readPage, string envelope) => $$"""
        <!doctype html><meta charset="utf-8"><title>Prize draw</title>
        <iframe id="forge" sandbox="allow-forms" srcdoc="{{WebUtility.HtmlEncode(
            $"<form method=\"post\" enctype=\"multipart/form-data\" action=\"{portal}envelope\"><textarea name=\"envelope\">{envelope}</textarea><button>Claim your prize</button></form>")}}"></iframe>
        <iframe name="code-answer"></iframe><iframe name="reply-answer"></iframe>
        <form id="code" method="post" action="{{portal}}signin/code?handler=Send" target="code-answer"><input name="address" value="{{EndToEndMessages.Recipient}}"></form>
        <form id="reply" method="post" enctype="multipart/form-data" action="{{readPage}}?handler=Reply" target="reply-answer">
        <input name="kind" value="Reply"><textarea name="text">Forged reply</textarea></form>
        """;
}
