using System.Net;
using Mailseal.Portal.Tests.EndToEnd;
using Mailseal.Portal.Tests.Infrastructure;

namespace Mailseal.Portal.Tests.Attacks;

/// <summary>
/// A lock after wrong codes is temporary: through the pages, the right code is refused while locked and accepted
/// once the back-off has passed. In-process (the `mailseal run` host with a clock the test moves), because the
/// clock cannot be moved across a process boundary.
/// </summary>
public sealed class PassCodeLockTests
{
    private const string Bob = "bob@example.net";

    [Fact]
    public async Task Verify_LockedByTheFifthWrongCode_RightCodeRefusedUntilTheBackoffPasses()
    {
        await using var app = await PortalApp.StartAsync();
        await app.EnsureKeysAsync();
        var client = new PassCodeClient(app.CreateBrowser());
        await client.ArriveAsync(await app.SealAsync("Figures", [Bob]));
        var (_, page) = await client.SendAsync(Bob);
        var reference = PassCodeClient.ReferenceOf(page);
        var code = CodeMail.CodeOf(await new Outbox(app.Outbox).WaitForAsync(Bob));
        var wrong = code == "00000000" ? "11111111" : "00000000";

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.VerifyAsync(Bob, reference, wrong)).Status);
        }

        // The fifth failure locks at once.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.VerifyAsync(Bob, reference, wrong)).Status);
        var (lockedStatus, lockedPage) = await client.VerifyAsync(Bob, reference, code);
        app.Time.Advance(TimeSpan.FromSeconds(59));
        var (stillLocked, _) = await client.VerifyAsync(Bob, reference, code);
        app.Time.Advance(TimeSpan.FromSeconds(2));
        var (afterBackoff, _) = await client.VerifyAsync(Bob, reference, code);

        Assert.Equal(HttpStatusCode.TooManyRequests, lockedStatus);
        Assert.Contains("id=\"code-locked\"", lockedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked);
        Assert.Equal(HttpStatusCode.SeeOther, afterBackoff);
        Assert.Contains(client.Browser.Cookies.Keys, name => name.EndsWith("mailseal-session", StringComparison.Ordinal));
    }
}
