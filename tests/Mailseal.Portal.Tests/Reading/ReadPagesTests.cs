using System.Net;
using System.Text;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Protection.Envelope;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Mailseal.Portal.Tests.Reading;

public sealed class ReadPagesTests
{
    private const string Bob = "bob@example.net";

    [Fact]
    public async Task BodyAndAttachment_OwnPolicyAndDownloadHeaders_OnlyForTheSessionsEnvelope()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var envelopeA = await app.SealAsync(MessageWithAttachment("<script>alert(1)</script><p>Hello Bob</p>"), [Bob]);
        var idA = await ArriveAndSignInAsync(app, browser, envelopeA);
        using var other = app.CreateBrowser();
        var idB = await ArriveAndSignInAsync(app, other, await app.SealAsync(MessageWithAttachment("<p>For B</p>"), [Bob]));

        using var body = await browser.GetAsync($"/read/{idA}/body");
        using var download = await browser.GetAsync($"/read/{idA}/attachments/2");
        using var bodyOfB = await browser.GetAsync($"/read/{idB}/body");
        using var attachmentOfB = await browser.GetAsync($"/read/{idB}/attachments/2");

        var document = await body.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, body.StatusCode);
        Assert.Contains("Hello Bob", document, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", document, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
            string.Join(";", body.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("SAMEORIGIN", string.Join(",", body.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("report.html", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<b>kept as it is</b>", await download.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", string.Join(";", download.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, bodyOfB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, attachmentOfB.StatusCode);
    }

    [Fact]
    public async Task Read_CiphertextTamperedAfterArrival_UniformPageNothingShown()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var envelope = await app.SealAsync(MessageWithAttachment("<p>Secret words</p>"), [Bob]);
        envelope[^40] ^= 0x01;
        var id = await ArriveAndSignInAsync(app, browser, envelope);

        using var read = await browser.GetAsync($"/read/{id}");
        using var body = await browser.GetAsync($"/read/{id}/body");

        var html = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
        Assert.Contains("This message cannot be opened", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret words", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, body.StatusCode);
    }

    [Fact]
    public async Task Read_Attachments_ListedWithTheSizeOfTheirDownloadOrAsUnknown()
    {
        await using var app = await PortalApp.StartAsync();
        using var browser = app.CreateBrowser();
        var file = new byte[3000];
        var message = Encoding.ASCII.GetBytes(
            $"From: Alice <alice@example.org>\r\nTo: {Bob}\r\nSubject: Sizes\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nTwo files.\r\n"
            + "--b\r\nContent-Type: application/pdf; name=\"whole.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(file, Base64FormattingOptions.InsertLineBreaks) + "\r\n"
            + "--b\r\nContent-Type: application/pdf; name=\"damaged.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "JVBERi0x*LjQK\r\n--b--\r\n");
        var id = await ArriveAndSignInAsync(app, browser, await app.SealAsync(message, [Bob]));

        using var read = await browser.GetAsync($"/read/{id}");
        using var whole = await browser.GetAsync($"/read/{id}/attachments/2");

        var html = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Matches(@"whole\.pdf</a>\s*\(2\.9 KB\)", html);
        Assert.Matches(@"damaged\.pdf</a>\s*\(size unknown\)", html);
        Assert.Equal(file, await whole.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> ArriveAndSignInAsync(PortalApp app, Browser browser, byte[] envelope)
    {
        using var arrival = await browser.PostEnvelopeAsync(envelope);
        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        Assert.True(await SignInSeam.SignInAsync(app, browser, Bob));
        return (await app.Services.GetRequiredService<EnvelopeUnsealer>().VerifyAsync(new MemoryStream(envelope))).EnvelopeIdHex;
    }

    private static byte[] MessageWithAttachment(string html)
    {
        var builder = new BodyBuilder { HtmlBody = html };
        builder.Attachments.Add("report.html", Encoding.UTF8.GetBytes("<b>kept as it is</b>"), new ContentType("text", "html"));
        using var message = new MimeMessage([new MailboxAddress("Alice", "alice@example.org")], [new MailboxAddress("Bob", Bob)], "Report", builder.ToMessageBody());
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }
}
