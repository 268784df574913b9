using System.Net;
using System.Text.RegularExpressions;

namespace Mailseal.Testing.OpenId;

/// <summary>
/// Drives the loopback provider's login form the way a browser would: follows its redirects, posts the
/// account id, and stops at the redirect back to the client, which the test then requests itself (as it
/// is, or tampered with).
/// </summary>
public static partial class OpenIdTestLogin
{
    private const int MaxRedirects = 10;

    /// <summary>
    /// Signs <paramref name="accountId"/> in at the provider, starting from the authorization request the client
    /// redirected to, and returns the URI the provider sends the browser back to (the client's callback).
    /// <paramref name="browser"/> must keep cookies and must not follow redirects itself.
    /// </summary>
    public static async Task<Uri> SignInAsync(HttpClient browser, Uri authorizationRequest, string accountId)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(authorizationRequest);
        var provider = new Uri(authorizationRequest.GetLeftPart(UriPartial.Authority));

        var (loginPage, loginPageUri) = await FollowAsync(browser, authorizationRequest, provider);
        var action = LoginFormAction().Match(loginPage);
        if (!action.Success)
        {
            throw new InvalidOperationException($"No login form at {loginPageUri}: {loginPage}");
        }

        var submit = new Uri(loginPageUri, WebUtility.HtmlDecode(action.Groups["action"].Value));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["prompt"] = "login",
            ["login"] = accountId,
            ["password"] = "any",
        });
        using var response = await browser.PostAsync(submit, form);
        var next = RedirectTarget(response, submit);
        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            if (!IsSameOrigin(next, provider))
            {
                return next;
            }

            using var hopResponse = await browser.GetAsync(next);
            next = RedirectTarget(hopResponse, next);
        }

        throw new InvalidOperationException("The provider did not redirect back to the client.");
    }

    private static async Task<(string Body, Uri Uri)> FollowAsync(HttpClient browser, Uri start, Uri provider)
    {
        var uri = start;
        for (var hop = 0; hop < MaxRedirects; hop++)
        {
            using var response = await browser.GetAsync(uri);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadAsStringAsync(), uri);
            }

            uri = RedirectTarget(response, uri);
            if (!IsSameOrigin(uri, provider))
            {
                throw new InvalidOperationException($"The provider sent the browser away before its login form: {uri}");
            }
        }

        throw new InvalidOperationException("Too many redirects before the provider's login form.");
    }

    private static Uri RedirectTarget(HttpResponseMessage response, Uri requested)
    {
        var location = response.Headers.Location;
        if ((int)response.StatusCode is < 300 or >= 400 || location is null)
        {
            throw new InvalidOperationException(
                $"Expected a redirect from {requested}, got {(int)response.StatusCode}.");
        }

        return location.IsAbsoluteUri ? location : new Uri(requested, location);
    }

    private static bool IsSameOrigin(Uri uri, Uri origin) =>
        Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"[^>]*method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex LoginFormAction();
}
