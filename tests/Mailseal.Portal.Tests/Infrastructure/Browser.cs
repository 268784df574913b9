using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Mailseal.Portal.Tests.Infrastructure;

/// <summary>
/// What a browser does that the tests need: keep cookies (as set, flags ignored), send the Origin of the page a
/// form came from, and carry a page's antiforgery token into its form posts.
/// </summary>
internal sealed partial class Browser(HttpClient client, string origin) : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public HttpClient Client => client;

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    /// <summary>message.html's post: multipart/form-data from a file:// page (Origin: null, Sec-Fetch-Site: cross-site).</summary>
    public Task<HttpResponseMessage> PostEnvelopeAsync(byte[] envelope) => PostEnvelopeAsync("/envelope", envelope);

    public async Task<HttpResponseMessage> PostEnvelopeAsync(string path, byte[] envelope)
    {
        var base64 = Convert.ToBase64String(envelope, Base64FormattingOptions.InsertLineBreaks);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes(base64)), "envelope");
        return await PostEnvelopeAsync(form, path);
    }

    public async Task<HttpResponseMessage> PostEnvelopeAsync(HttpContent content, string path = "/envelope")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", "null");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        return await SendAsync(request);
    }

    /// <summary>Posts a form of the portal's own pages, as the browser would (Origin: the portal, unless <paramref name="fromOrigin"/> says otherwise).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, HttpContent content, string? fromOrigin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", fromOrigin ?? origin);
        return await SendAsync(request);
    }

    /// <summary>GETs <paramref name="pagePath"/> and posts its form fields plus the page's antiforgery token to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await GetAsync(pagePath);
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var content = new FormUrlEncodedContent([.. fields, new("__antiforgery", token)]);
        return await PostFormAsync(action, content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            Remember(setCookies);
        }

        return response;
    }

    /// <summary>Takes cookies as a response's Set-Cookie lines give them; a deleted one goes.</summary>
    public void Remember(IEnumerable<string> setCookies)
    {
        foreach (var setCookie in setCookies)
        {
            var pair = setCookie.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = pair[..equals];
            var value = pair[(equals + 1)..];
            var deleted = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
            if (deleted)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__antiforgery\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
