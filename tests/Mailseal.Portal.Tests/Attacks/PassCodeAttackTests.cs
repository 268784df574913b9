using System.Net;
using System.Security.Cryptography;
using Mailseal.Portal.Tests.EndToEnd;
using Mailseal.Portal.Tests.Infrastructure;

namespace Mailseal.Portal.Tests.Attacks;

/// <summary>
/// Attacks on the pass code through the portal's pages of a real `mailseal run`: guessing over resends and
/// flooding code requests. The service-level rules are in PassCodeServiceTests, a recipient and a stranger getting
/// the same page in PortalFlowTests; these prove the pages of the running process keep the limits.
/// </summary>
public sealed class PassCodeAttackTests
{
    private const string Bob = EndToEndMessages.Recipient;

    [Fact]
    public async Task Verify_TenThousandGuessesOverResends_NeverSignedInLockedByTheFifthAndNoCodeInTheLog()
    {
        await using var mailseal = await MailsealProcess.StartAsync();
        var envelope = await SealThroughGatewayAsync(mailseal);
        var client = await ArriveAsync(mailseal, envelope);
        var (_, page) = await client.SendAsync(Bob);
        var reference = PassCodeClient.ReferenceOf(page);
        var codes = new List<string> { await CodeAsync(mailseal, 1) };

        var firstLocked = 0;
        var checkedGuesses = 0;
        for (var guess = 1; guess <= 10_000; guess++)
        {
            if (guess % 2_000 == 0)
            {
                // A resend replaces the code; the failures counted so far stay.
                var (status, resent) = await client.SendAsync(Bob);
                if (status == HttpStatusCode.OK)
                {
                    reference = PassCodeClient.ReferenceOf(resent);
                    codes.Add(await CodeAsync(mailseal, codes.Count + 1));
                }
            }

            var attempt = WrongCode(codes);
            var (answer, html) = await client.VerifyAsync(Bob, reference, attempt);
            Assert.NotEqual(HttpStatusCode.SeeOther, answer);
            if (answer == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("id=\"code-locked\"", html, StringComparison.Ordinal);
                firstLocked = firstLocked == 0 ? guess : firstLocked;
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, answer);
                checkedGuesses++;
            }
        }

        // The fifth failure locks (FailuresBeforeLock = 5).
        Assert.Equal(5, firstLocked);
        // Locks lift after 1, 5, 15 and 60 minutes; over the run's few minutes only a handful more are checked.
        Assert.InRange(checkedGuesses, 4, 100);
        Assert.True(codes.Count >= 2, "No resend was accepted.");
        Assert.All(codes, code => Assert.DoesNotContain(code, mailseal.Log, StringComparison.Ordinal));
        Assert.Empty(CodeMail.EightDigitRuns(mailseal.Log).Intersect(codes));
    }

    [Fact]
    public async Task Send_Flood_RateLimitedPerAddressAndPerClient_AtMostFiveCodesToTheAddress()
    {
        await using var mailseal = await MailsealProcess.StartAsync();
        var envelope = await SealThroughGatewayAsync(mailseal);
        var client = await ArriveAsync(mailseal, envelope);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            var (status, html) = await client.SendAsync(i < 10 ? Bob : $"probe{i}@example.net");
            statuses.Add(status);
            Assert.Equal(status == HttpStatusCode.TooManyRequests, html.Contains("id=\"rate-limited\"", StringComparison.Ordinal));
        }

        await mailseal.Outbox.WaitForAsync(Bob, 1 + 5);
        await Task.Delay(TimeSpan.FromSeconds(2));

        // 5 codes per address and hour, 20 requests per client and hour; refused requests count too.
        HttpStatusCode[] expected =
        [
            .. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5),
            .. Enumerable.Repeat(HttpStatusCode.OK, 10), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 30),
        ];
        Assert.Equal(expected, statuses);
        Assert.Equal(1 + 5, mailseal.Outbox.For(Bob).Count);
    }

    private static async Task<byte[]> SealThroughGatewayAsync(MailsealProcess mailseal)
    {
        return WrapperEnvelope.Bytes(await mailseal.SendForWrapperAsync(EndToEndMessages.Figures($"codes-{Guid.NewGuid():N}@example.org")));
    }

    private static async Task<PassCodeClient> ArriveAsync(MailsealProcess mailseal, byte[] envelope)
    {
        var client = new PassCodeClient(new Browser(mailseal.CreateClient(), mailseal.PortalUrl.GetLeftPart(UriPartial.Authority)));
        await client.ArriveAsync(envelope);
        return client;
    }

    /// <summary>The code of the <paramref name="count"/>th code mail to Bob (his first mail is the wrapper).</summary>
    private static async Task<string> CodeAsync(MailsealProcess mailseal, int count)
    {
        return CodeMail.CodeOf(await mailseal.Outbox.WaitForAsync(Bob, count + 1));
    }

    private static string WrongCode(List<string> codes)
    {
        string guess;
        do
        {
            guess = RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        }
        while (codes.Contains(guess));
        return guess;
    }
}
