using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Tests.Infrastructure;

/// <summary>
/// Signs a browser in through <see cref="PortalSignIn.SignInAsync"/>, the one seam every proof (pass code, OpenID
/// Connect) ends in, for tests of the session itself. The pass-code pages are tested end to end elsewhere.
/// </summary>
internal static class SignInSeam
{
    public static async Task<bool> SignInAsync(PortalApp app, Browser browser, string address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Cookie = string.Join("; ", browser.Cookies.Select(c => $"{c.Key}={c.Value}"));
        var signIn = app.Services.GetRequiredService<PortalSignIn>();
        var preSession = await signIn.FindPreSessionAsync(context, CancellationToken.None);
        Assert.NotNull(preSession);

        var signedIn = await signIn.SignInAsync(context, preSession, address, "test", CancellationToken.None);
        browser.Remember(context.Response.Headers.SetCookie.Select(value => value!));
        return signedIn;
    }
}
