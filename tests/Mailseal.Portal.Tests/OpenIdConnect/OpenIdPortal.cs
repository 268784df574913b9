using System.Net;
using Mailseal.Portal.SignIn.OpenIdConnect;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Protection.Envelope;
using Mailseal.Testing;
using Mailseal.Testing.OpenId;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Tests.OpenIdConnect;

/// <summary>
/// The real `mailseal run` host with two providers configured at one real OpenID provider on loopback
/// (node-oidc-provider): "loopback" under the standard rule and "entra" under Microsoft's. Shared by a test class;
/// each test brings its own browser and arrival.
/// </summary>
public sealed class OpenIdPortal : IAsyncLifetime, IAsyncDisposable
{
    public const string Recipient = "anna@example.net";
    public const string ClientSecret = "a-client-secret-long-enough-for-the-test-provider";
    private const string TenantId = "9c4b7d2e-0f1a-4c3b-8d5e-6f7a8b9c0d1e";

    private OpenIdTestProvider? provider;
    private PortalApp? app;

    internal PortalApp App => app!;

    public Uri Issuer => provider!.Issuer;

    /// <summary>
    /// A portal a real browser can reach: its public URL is the address it listens on (the class fixture keeps
    /// the test host's "http://portal.test/", so the tests see links built from it and not from the Host header).
    /// </summary>
    public static async Task<OpenIdPortal> StartReachableAsync()
    {
        var port = LoopbackPorts.Free();
        var portal = new OpenIdPortal();
        await portal.StartAsync($"--Portal:Listen=127.0.0.1:{port}", $"--Portal:PublicUrl=http://127.0.0.1:{port}/");
        return portal;
    }

    public Task InitializeAsync() => StartAsync();

    private async Task StartAsync(params string[] settings)
    {
        provider = await OpenIdTestProvider.StartAsync();
        app = await PortalApp.StartAsync(
            false,
            // The loopback provider speaks http: tests only, in code; no configuration key turns this off.
            services => services.ConfigureAll<OpenIdConnectOptions>(options => options.RequireHttpsMetadata = false),
            [.. ProviderSettings(0, "loopback", "Loopback", AddressRule.EmailVerified, provider.Issuer),
             .. ProviderSettings(1, "entra", "Entra", AddressRule.MicrosoftEntra, provider.Issuer),
             .. settings]);
        await app.EnsureKeysAsync();
        var callbacks = new[] { "loopback", "entra" }
            .Select(name => new Uri(app.PublicUrl, OpenIdPaths.Callback(name)))
            .ToList();
        await provider.ConfigureAsync(new OpenIdTestClient("mailseal-portal", ClientSecret, callbacks), Accounts);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }

    /// <summary>A browser that has posted a fresh envelope for <see cref="Recipient"/>; returns the envelope id.</summary>
    internal async Task<(Browser Browser, string EnvelopeId)> ArriveAsync()
    {
        var envelope = await App.SealAsync("Quarterly figures", [Recipient]);
        var browser = App.CreateBrowser();
        using var arrival = await browser.PostEnvelopeAsync(envelope);
        Assert.Equal(HttpStatusCode.SeeOther, arrival.StatusCode);
        var license = await App.Services.GetRequiredService<EnvelopeUnsealer>().VerifyAsync(new MemoryStream(envelope));
        return (browser, license.EnvelopeIdHex);
    }

    /// <summary>
    /// Starts the provider's sign-in from the portal, signs <paramref name="accountId"/> in at the provider (with its
    /// own cookie jar, as the provider's site has), and returns the callback the provider redirects to.
    /// </summary>
    internal async Task<Uri> SignInAtProviderAsync(Browser browser, string providerName, string accountId, string? returnUrl = null)
    {
        var start = OpenIdPaths.Challenge(providerName) + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var challenge = await browser.GetAsync(start);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorization = challenge.Headers.Location!;
        Assert.StartsWith(Issuer.AbsoluteUri, authorization.AbsoluteUri, StringComparison.Ordinal);

        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var providerSite = new HttpClient(handler);
        var callback = await OpenIdTestLogin.SignInAsync(providerSite, authorization, accountId);
        Assert.Equal(new Uri(App.PublicUrl, OpenIdPaths.Callback(providerName)).AbsoluteUri, callback.GetLeftPart(UriPartial.Path));
        return callback;
    }

    /// <summary>The whole round: the provider's sign-in and the browser's request of the callback it was sent to.</summary>
    internal async Task<HttpResponseMessage> SignInAsync(Browser browser, string providerName, string accountId, string? returnUrl = null)
    {
        var callback = await SignInAtProviderAsync(browser, providerName, accountId, returnUrl);
        return await browser.GetAsync(callback.PathAndQuery);
    }

    private static string[] ProviderSettings(int index, string name, string displayName, AddressRule rule, Uri issuer) =>
    [
        $"--Portal:OpenIdConnect:Providers:{index}:Authority={issuer.AbsoluteUri}",
        $"--Portal:OpenIdConnect:Providers:{index}:Name={name}",
        $"--Portal:OpenIdConnect:Providers:{index}:DisplayName={displayName}",
        $"--Portal:OpenIdConnect:Providers:{index}:AddressRule={rule}",
        $"--Portal:OpenIdConnect:Providers:{index}:ClientId=mailseal-portal",
        $"--Portal:OpenIdConnect:Providers:{index}:ClientSecret={ClientSecret}",
        $"--Portal:OpenIdConnect:Providers:{index}:Scopes:0=openid",
        $"--Portal:OpenIdConnect:Providers:{index}:Scopes:1=email",
    ];

    private static IEnumerable<OpenIdTestAccount> Accounts =>
    [
        OpenIdTestAccount.WithEmail("anna", Recipient, emailVerified: true),
        OpenIdTestAccount.WithEmail("anna-unverified", Recipient, emailVerified: false),
        OpenIdTestAccount.WithEmail("mallory", "mallory@example.net", emailVerified: true),
        new("anna-entra", new Dictionary<string, object> { ["email"] = Recipient, ["xms_edov"] = true, ["tid"] = TenantId }),
        new("anna-entra-unverified", new Dictionary<string, object> { ["email"] = Recipient, ["xms_edov"] = false, ["tid"] = TenantId }),
    ];
}
