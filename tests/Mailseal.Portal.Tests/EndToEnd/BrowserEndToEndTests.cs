using Mailseal.Testing;
using Microsoft.Playwright;
using MimeKit;

namespace Mailseal.Portal.Tests.EndToEnd;

/// <summary>
/// Issue 4's acceptance: the whole loop in headless Chromium against a real `mailseal run` over HTTPS. A message is
/// sealed by the gateway for an outside recipient, who opens message.html from disk, signs in with a pass code,
/// reads the body and its inline image, downloads the attachment and replies with a file; the reply envelope comes
/// back through the gateway and reaches the inside sender unsealed, threaded to the original.
/// </summary>
public sealed class BrowserEndToEndTests : IDisposable
{
    private readonly TempDirectory _files = new();

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task Recipient_OpensReadsDownloadsAndReplies_SenderGetsThePlainThreadedReply(string name, int width, int height)
    {
        await using var mailseal = await MailsealProcess.StartAsync();
        var messageId = $"e2e-{name}-{Guid.NewGuid():N}@example.org";
        var wrapper = await mailseal.SendForWrapperAsync(EndToEndMessages.Figures(messageId));
        await using var chromium = await mailseal.LaunchChromiumAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        var steps = new PortalSteps(mailseal, page, $"e2e-{name}", _files);

        await steps.SignInAsync(wrapper, EndToEndMessages.Recipient);
        var body = steps.BodyFrame();
        var text = await body.InnerTextAsync("body");
        var imageWidth = await body.Locator("img[alt=Logo]").EvaluateAsync<int>("image => image.complete ? image.naturalWidth : 0");
        await steps.ShotAsync("message");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[download='figures.pdf']"));
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync());
        await steps.ShotAsync("downloaded");

        var replyFile = _files.Combine("answers.txt");
        await File.WriteAllTextAsync(replyFile, "Answers to the figures.");
        await page.FillAsync("#reply-text", "Thank you, the numbers look right.");
        await page.SetInputFilesAsync("#reply-files", replyFile);
        await steps.ShotAsync("reply-written");
        await steps.ClickAndWaitForUrlAsync("#send-reply", "**/read/*?sent=1");
        await page.Locator("#reply-sent").WaitForAsync();
        await steps.ShotAsync("reply-sent");
        var reply = await mailseal.Outbox.WaitForAsync(EndToEndMessages.Sender);

        Assert.Contains(EndToEndMessages.BodyText, text, StringComparison.Ordinal);
        Assert.Equal(1, imageWidth);
        Assert.Equal("figures.pdf", download.SuggestedFilename);
        Assert.Equal(EndToEndMessages.Pdf, downloaded);
        Assert.Equal(messageId, reply.InReplyTo);
        Assert.Contains(messageId, reply.References);
        Assert.Equal(EndToEndMessages.Recipient, reply.From.Mailboxes.Single().Address);
        Assert.Contains("Thank you, the numbers look right.", reply.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Attachments, part => part is MimePart { FileName: "message.html" });
        var answers = Assert.Single(reply.Attachments.OfType<MimePart>(), part => part.FileName == "answers.txt");
        using var answersContent = new MemoryStream();
        await answers.Content!.DecodeToAsync(answersContent);
        Assert.Equal("Answers to the figures."u8.ToArray(), answersContent.ToArray());
    }

    public void Dispose() => _files.Dispose();
}
