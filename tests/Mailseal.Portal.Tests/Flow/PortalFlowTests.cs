using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailseal.Portal.Tests.Flow;

/// <summary>
/// The whole recipient path against the real `mailseal run` host: arrival, pass code mailed through the gateway's
/// Submission listener into the pickup folder, session, read page, body document, download, reply.
/// </summary>
public sealed partial class PortalFlowTests
{
    private const string Bob = "bob@example.net";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% portal test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Fact]
    public async Task PassCodeReadDownloadReply_WholePath_Works()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var envelope = await app.SealAsync(SampleMessage(), [Bob]);
        var envelopeId = (await app.Services.GetRequiredService<EnvelopeUnsealer>().VerifyAsync(new MemoryStream(envelope))).EnvelopeIdHex;

        using var arrival = await browser.PostEnvelopeAsync(envelope);
        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);

        var (reference, code) = await RequestCodeAsync(app, browser, Bob);
        using var wrong = await browser.SubmitAsync("/signin/code", "/signin/code?handler=Verify",
            [new("address", Bob), new("reference", reference), new("code", code == "00000000" ? "11111111" : "00000000")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("id=\"code-rejected\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var verified = await browser.SubmitAsync("/signin/code", "/signin/code?handler=Verify",
            [new("address", Bob), new("reference", reference), new("code", code)]);
        Assert.Equal(HttpStatusCode.SeeOther, verified.StatusCode);
        Assert.Equal($"/read/{envelopeId}", verified.Headers.Location?.OriginalString);

        using var read = await browser.GetAsync($"/read/{envelopeId}");
        var page = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("<h1 id=\"subject\">Quarterly figures</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<iframe class=\"body\" id=\"body\" sandbox", page, StringComparison.Ordinal);
        Assert.Contains("figures.pdf", page, StringComparison.Ordinal);

        using var body = await browser.GetAsync($"/read/{envelopeId}/body");
        var document = await body.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, body.StatusCode);
        Assert.Contains("The numbers are in.", document, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", document, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'; img-src data:", string.Join(";", body.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-store", body.Headers.CacheControl?.ToString());

        var attachmentPath = AttachmentLink().Match(page).Groups[1].Value;
        using var download = await browser.GetAsync(WebUtility.HtmlDecode(attachmentPath));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("figures.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));

        var before = Directory.GetFiles(app.Outbox, "*.eml").Length;
        using var reply = await ReplyAsync(browser, envelopeId, "Thanks, received.", "notes.txt", "reply attachment"u8.ToArray());
        Assert.Equal(HttpStatusCode.SeeOther, reply.StatusCode);
        var replyFile = await WaitForOutboxAsync(app, before, text => text.Contains("X-Receiver: alice@example.org", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("message.html", replyFile, StringComparison.Ordinal);
        Assert.DoesNotContain("Thanks, received.", replyFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassCodeRequest_RecipientAndStranger_SamePageButTheReference()
    {
        await using var app = await PortalApp.StartAsync();
        var envelope = await app.SealAsync("Alike", [Bob]);
        var pages = new List<string>();
        foreach (var address in new[] { Bob, "stranger@example.net" })
        {
            using var browser = app.CreateBrowser();
            using var arrival = await browser.PostEnvelopeAsync(envelope);
            using var response = await browser.SubmitAsync("/signin/code", "/signin/code?handler=Send", [new("address", address)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var reference = ReferenceText().Match(html).Groups[1].Value;
            Assert.NotEmpty(reference);
            pages.Add(Tokens().Replace(html.Replace(reference, "REF", StringComparison.Ordinal).Replace(address, "ADDRESS", StringComparison.Ordinal), "TOKEN"));
        }

        Assert.Equal(pages[0], pages[1]);
    }

    [Fact]
    public async Task PassCodeSend_CrossSiteOrWithoutToken_Refused()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        using var arrival = await browser.PostEnvelopeAsync(await app.SealAsync("Forged", [Bob]));

        using var withoutToken = await browser.PostFormAsync("/signin/code?handler=Send", new FormUrlEncodedContent([new("address", Bob)]));
        using var crossSite = await browser.PostFormAsync("/signin/code?handler=Send", new FormUrlEncodedContent([new("address", Bob)]), "null");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
    }

    private static async Task<(string Reference, string Code)> RequestCodeAsync(PortalApp app, Browser browser, string address)
    {
        using var choice = await browser.GetAsync("/signin");
        Assert.Contains("href=\"/signin/code\"", await choice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var sent = await browser.SubmitAsync("/signin/code", "/signin/code?handler=Send", [new("address", address)]);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reference = ReferenceText().Match(html).Groups[1].Value;
        Assert.NotEmpty(reference);

        var mail = await WaitForOutboxAsync(app, 0, text => text.Contains(reference, StringComparison.Ordinal));
        using var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail)));
        var code = CodeText().Match(message.TextBody ?? "").Value;
        Assert.Matches("^[0-9]{8}$", code);
        return (reference, code);
    }

    private static async Task<HttpResponseMessage> ReplyAsync(Browser browser, string envelopeId, string text, string fileName, byte[] file)
    {
        using var page = await browser.GetAsync($"/read/{envelopeId}");
        var token = Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__antiforgery" },
            { new StringContent("Reply"), "kind" },
            { new StringContent(text), "text" },
        };
        var attachment = new ByteArrayContent(file);
        attachment.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(attachment, "files", fileName);
        return await browser.PostFormAsync($"/read/{envelopeId}?handler=Reply", form);
    }

    /// <summary>Waits (the mail is sent in the background) for a new pickup file that <paramref name="matches"/>.</summary>
    private static async Task<string> WaitForOutboxAsync(PortalApp app, int skip, Func<string, bool> matches)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (Directory.Exists(app.Outbox))
            {
                // Only finished copies: the pickup folder writes a hidden .tmp first and renames it.
                foreach (var file in Directory.GetFiles(app.Outbox, "*.eml").Order(StringComparer.Ordinal).Skip(skip))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (matches(text))
                    {
                        return text;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected mail never reached the pickup folder.");
    }

    private static byte[] SampleMessage()
    {
        var builder = new BodyBuilder { TextBody = "The numbers are in." };
        var image = builder.LinkedResources.Add("chart.png", Protection.Branding.DefaultLogo.GetPng(), new ContentType("image", "png"));
        image.ContentId = "chart@example.org";
        builder.HtmlBody = "<p>The numbers are in.</p><img src=\"cid:chart@example.org\" alt=\"chart\">";
        builder.Attachments.Add("figures.pdf", Pdf, new ContentType("application", "pdf"));
        using var message = new MimeMessage(
            [new MailboxAddress("Alice", "alice@example.org")], [new MailboxAddress("Bob", Bob)], "Quarterly figures", builder.ToMessageBody());
        message.MessageId = "figures@example.org";
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(options, output);
        return output.ToArray();
    }

    [GeneratedRegex("<p class=\"reference\" id=\"reference\">([A-Z0-9-]+)</p>")]
    private static partial Regex ReferenceText();

    [GeneratedRegex("\\b[0-9]{8}\\b")]
    private static partial Regex CodeText();

    [GeneratedRegex("href=\"(/read/[0-9a-f]+/attachments/[0-9.]+)\"")]
    private static partial Regex AttachmentLink();

    [GeneratedRegex("(value|nonce)=\"[^\"]*\"")]
    private static partial Regex Tokens();
}
