using System.Net;
using System.Text.RegularExpressions;
using Mailseal.Portal.Tests.Infrastructure;

namespace Mailseal.Portal.Tests.Attacks;

/// <summary>
/// The pass-code page over HTTP, as a scripted client would use it: arrive with an envelope, then post addresses
/// and codes with the page's antiforgery token (a token stays valid for the browser's cookies, so one is enough).
/// </summary>
internal sealed partial class PassCodeClient(Browser browser)
{
    public const string Path = "/signin/code";

    private string _token = "";

    public Browser Browser => browser;

    /// <summary>Posts the envelope (message.html's form) and reads the pass-code page's token.</summary>
    public async Task ArriveAsync(byte[] envelope)
    {
        using var arrival = await browser.PostEnvelopeAsync(envelope);
        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        using var page = await browser.GetAsync(Path);
        _token = Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
    }

    /// <summary>Asks for a code for <paramref name="address"/>; returns the answer's status and page.</summary>
    public Task<(HttpStatusCode Status, string Html)> SendAsync(string address) =>
        PostAsync("Send", [new("address", address)]);

    public Task<(HttpStatusCode Status, string Html)> VerifyAsync(string address, string reference, string code) =>
        PostAsync("Verify", [new("address", address), new("reference", reference), new("code", code)]);

    /// <summary>The reference the code page shows (and the code mail carries), or "" when none is shown.</summary>
    public static string ReferenceOf(string html) => Reference().Match(html) is { Success: true } match ? match.Groups[1].Value : "";

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string handler, KeyValuePair<string, string>[] fields)
    {
        using var content = new FormUrlEncodedContent([.. fields, new("__antiforgery", _token)]);
        using var response = await browser.PostFormAsync($"{Path}?handler={handler}", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("id=\"reference\">([A-Z]+)<")]
    private static partial Regex Reference();
}
