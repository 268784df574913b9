using Mailseal.Portal.PassCodes;
using MimeKit;
using MimeKit.Cryptography;

namespace Mailseal.Portal.Tests.PassCodes;

public sealed class PassCodeMailTests
{
    [Fact]
    public async Task RequestAsync_Recipient_GatewayReceivesSignedBrandedCodeMailWhoseCodeVerifiesOnce()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(PassCodeHarness.Bob, PassCodeHarness.Carol);

        var issue = await harness.RequestAsync(license, PassCodeHarness.Bob);
        var mail = await harness.WaitForMailAsync(PassCodeHarness.Bob);
        var code = PassCodeHarness.CodeIn(mail);

        Assert.False(issue.RateLimited);
        Assert.Matches("^[A-HJ-NP-Z]{4}$", issue.Reference);
        Assert.Equal(PassCodeHarness.ServiceAddress, mail.From.Mailboxes.Single().Address);
        Assert.Contains(issue.Reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(issue.Reference, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(issue.Reference, mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(code, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(code, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(PassCodeHarness.BrandedEmailText, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("cid:logo@mailseal", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(mail.BodyParts, part => part.ContentId == "logo@mailseal" && part.ContentType.MimeType == "image/png");
        // Never sealed again by the gateway: no envelope attachment.
        Assert.DoesNotContain(mail.Attachments, part => part.ContentDisposition?.FileName == "message.html");

        Assert.Equal(PassCodeOutcome.Accepted, (await harness.VerifyAsync(license, PassCodeHarness.Bob, code)).Outcome);
        Assert.Equal(PassCodeOutcome.Rejected, (await harness.VerifyAsync(license, PassCodeHarness.Bob, code)).Outcome);
    }

    [Fact]
    public async Task RequestAsync_CodeMail_IsDkimSignedOnceForTheServiceDomain()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(PassCodeHarness.Bob);

        await harness.RequestAsync(license, PassCodeHarness.Bob);
        var mail = await harness.WaitForMailAsync(PassCodeHarness.Bob);

        var signatures = mail.Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList();
        var signature = Assert.Single(signatures);
        Assert.Contains("d=example.org", signature.Value, StringComparison.Ordinal);
        var verifier = new DkimVerifier(harness.Locator);
        Assert.True(await verifier.VerifyAsync(mail, signature));
    }

    [Theory]
    [InlineData("de", "Ihr Einmalcode")]
    [InlineData("fr", "Votre code à usage unique")]
    [InlineData("es", "Su código de un solo uso")]
    [InlineData("ja", "ワンタイム パスコード")]
    [InlineData("en-GB", "Your one-time pass code")]
    public async Task RequestAsync_PortalLanguage_CodeMailInThatLanguage(string culture, string heading)
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(PassCodeHarness.Bob);

        await harness.RequestAsync(license, PassCodeHarness.Bob, culture: culture);
        var mail = await harness.WaitForMailAsync(PassCodeHarness.Bob);

        Assert.Contains(heading, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(culture, mail.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public async Task RequestAndVerify_Logs_NeverHoldTheCodeAddressOrPreSession()
    {
        await using var harness = await PassCodeHarness.StartAsync();
        var license = await harness.SealAsync(PassCodeHarness.Bob);
        const string preSession = "pre-session-secret-4711";

        await harness.RequestAsync(license, PassCodeHarness.Bob, preSession);
        await harness.RequestAsync(license, PassCodeHarness.Stranger, preSession);
        var code = PassCodeHarness.CodeIn(await harness.WaitForMailAsync(PassCodeHarness.Bob));
        await harness.VerifyAsync(license, PassCodeHarness.Bob, "00000000", preSession);
        await harness.VerifyAsync(license, PassCodeHarness.Bob, code, preSession);

        var text = string.Join('\n', harness.Logs.Lines);
        Assert.Contains("Pass code sign-in accepted", text, StringComparison.Ordinal);
        Assert.Contains("AUTH PLAIN", text, StringComparison.Ordinal);
        Assert.DoesNotContain(code, harness.EightDigitRunsInLogs());
        Assert.DoesNotContain(PassCodeHarness.Bob, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PassCodeHarness.Stranger, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(preSession, text, StringComparison.Ordinal);
        Assert.Contains(Mailseal.Core.Tracking.RecipientHash.Of(PassCodeHarness.Bob), text, StringComparison.Ordinal);
    }
}
