using Mailseal.Testing;
using Microsoft.Playwright;
using MimeKit;

namespace Mailseal.Portal.Tests.EndToEnd;

/// <summary>
/// What a recipient does in the browser, step by step, against a <see cref="MailsealProcess"/>: open message.html
/// from disk, press its button, choose the pass code, ask for it, type it from the code mail. A screenshot of each
/// step goes to the test artifacts as NAME-NN-step.png.
/// </summary>
internal sealed class PortalSteps(MailsealProcess mailseal, IPage page, string name, TempDirectory files)
{
    private int _step;

    public IPage Page => page;

    /// <summary>The wrapper mail's message.html, saved as a recipient's mail app would, and opened from file://.</summary>
    public async Task OpenMessageHtmlAsync(MimeMessage wrapper)
    {
        var attachment = wrapper.Attachments.OfType<MimePart>().Single(part => part.FileName == "message.html");
        var path = files.Combine($"{name}-message.html");
        await using (var file = File.Create(path))
        {
            await attachment.Content!.DecodeToAsync(file);
        }

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await ShotAsync("message-html");
    }

    /// <summary>Presses message.html's button: the form posts the envelope cross-site; the portal shows the sign-in choice.</summary>
    public async Task PressOpenButtonAsync()
    {
        await ClickAndWaitForUrlAsync("button[type=submit]", "**/signin");
        await ShotAsync("sign-in-choice");
    }

    /// <summary>Chooses the pass code, types <paramref name="address"/>, asks for the code; returns the page's answer.</summary>
    public async Task RequestCodeAsync(string address)
    {
        await page.ClickAsync("#use-pass-code");
        await page.FillAsync("#address", address);
        await ShotAsync("pass-code-address");
        await ClickAndWaitForUrlAsync("#send-code", "**/signin/code?handler=Send");
        await ShotAsync("pass-code-sent");
    }

    /// <summary>Waits for the mail to <paramref name="address"/> after the <paramref name="mailsBefore"/> it had, and reads its code.</summary>
    public async Task<string> ReadCodeMailAsync(string address, int mailsBefore)
    {
        return CodeMail.CodeOf(await mailseal.Outbox.WaitForAsync(address, mailsBefore + 1));
    }

    /// <summary>Types <paramref name="code"/> and submits it.</summary>
    public async Task EnterCodeAsync(string code)
    {
        await page.FillAsync("#code", code);
        await ClickAndWaitForUrlAsync("#verify-code", "**/read/*");
        await ShotAsync("after-code");
    }

    /// <summary>The whole way in: message.html, button, pass code, code mail, code. Ends on the read page.</summary>
    public async Task SignInAsync(MimeMessage wrapper, string address)
    {
        await OpenMessageHtmlAsync(wrapper);
        await PressOpenButtonAsync();
        var mailsBefore = mailseal.Outbox.For(address).Count;
        await RequestCodeAsync(address);
        await EnterCodeAsync(await ReadCodeMailAsync(address, mailsBefore));
        Assert.Matches("/read/[0-9a-f]+$", page.Url);
    }

    /// <summary>Clicks <paramref name="selector"/> and waits until the page has navigated to a URL matching <paramref name="urlGlob"/>.</summary>
    public async Task ClickAndWaitForUrlAsync(string selector, string urlGlob)
    {
        var navigated = page.WaitForURLAsync(urlGlob);
        await page.ClickAsync(selector);
        await navigated;
    }

    /// <summary>The sandboxed frame of the message body.</summary>
    public IFrame BodyFrame() => page.Frames.Single(frame => frame.Url.Contains("/body", StringComparison.Ordinal));

    public async Task ShotAsync(string step)
    {
        _step++;
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = TestArtifacts.PathFor($"{name}-{_step:00}-{step}.png"),
            FullPage = true,
        });
    }
}
