using Mailseal.Portal.Sessions;
using Mailseal.Portal.SignIn.OpenIdConnect;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Tests.OpenIdConnect;

public sealed class PortalOpenIdOptionsValidatorTests
{
    [Fact]
    public void Validate_WellFormedProviders_Succeeds()
    {
        var options = new PortalOpenIdOptions { Providers = [Provider("google"), Provider("contoso", AddressRule.MicrosoftEntra)] };

        Assert.Null(new PortalOpenIdOptionsValidator().Validate(null, options).Failures);
    }

    [Fact]
    public void Validate_NoProviders_Succeeds()
    {
        Assert.True(new PortalOpenIdOptionsValidator().Validate(null, new PortalOpenIdOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Name", "")]
    [InlineData("Name", "Google")]
    [InlineData("Name", "a/b")]
    [InlineData("Name", "-lead")]
    [InlineData("DisplayName", "")]
    [InlineData("Authority", "")]
    [InlineData("Authority", "accounts.google.com")]
    [InlineData("Authority", "http://idp.example.org")]
    [InlineData("Authority", "http://10.0.0.1")]
    [InlineData("Authority", "https://idp.example.org/?x=1")]
    [InlineData("Authority", "https://user:pw@idp.example.org")]
    [InlineData("ClientId", "")]
    [InlineData("ClientSecret", " ")]
    public void Validate_BadValue_FailsNamingTheKey(string property, string value)
    {
        var provider = Provider("google");
        typeof(OpenIdProviderOptions).GetProperty(property)!.SetValue(provider, value);

        var result = new PortalOpenIdOptionsValidator().Validate(null, new PortalOpenIdOptions { Providers = [provider] });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith($"Portal:OpenIdConnect:Providers:0:{property}", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DisplayNameTooLong_Fails()
    {
        var provider = Provider("google");
        provider.DisplayName = new string('x', PortalOpenIdOptionsValidator.MaxDisplayNameLength + 1);

        Assert.True(new PortalOpenIdOptionsValidator().Validate(null, new PortalOpenIdOptions { Providers = [provider] }).Failed);
    }

    [Fact]
    public void Validate_LoopbackHttpAuthority_Succeeds()
    {
        var provider = Provider("test");
        provider.Authority = "http://127.0.0.1:5000";

        Assert.Null(new PortalOpenIdOptionsValidator().Validate(null, new PortalOpenIdOptions { Providers = [provider] }).Failures);
    }

    [Theory]
    [InlineData("openid")]
    [InlineData("email")]
    [InlineData("openid", "email profile")]
    public void Validate_BadScopes_Fails(params string[] scopes)
    {
        var provider = Provider("google");
        provider.Scopes = [.. scopes];

        Assert.True(new PortalOpenIdOptionsValidator().Validate(null, new PortalOpenIdOptions { Providers = [provider] }).Failed);
    }

    [Fact]
    public void Validate_DuplicateName_Fails()
    {
        var result = new PortalOpenIdOptionsValidator().Validate(
            null, new PortalOpenIdOptions { Providers = [Provider("google"), Provider("google")] });

        Assert.Contains(result.Failures!, failure => failure.Contains("used by another provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndefinedAddressRule_Fails()
    {
        Assert.True(new PortalOpenIdOptionsValidator()
            .Validate(null, new PortalOpenIdOptions { Providers = [Provider("google", (AddressRule)7)] }).Failed);
    }

    [Fact]
    public void AddPortalOpenIdConnect_InvalidConfiguration_ThrowsBeforeStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:OpenIdConnect:Providers:0:Name"] = "google",
            ["Portal:OpenIdConnect:Providers:0:DisplayName"] = "Google",
            ["Portal:OpenIdConnect:Providers:0:Authority"] = "http://accounts.google.com",
            ["Portal:OpenIdConnect:Providers:0:ClientId"] = "portal",
        }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddPortalOpenIdConnect(configuration));

        Assert.Contains(error.Failures, failure => failure.Contains(":Authority", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains(":ClientSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void AddPortalOpenIdConnect_OneProvider_CodeFlowWithPkceAndItsOwnPathsAndSecureCookiesUnderHttps()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:OpenIdConnect:Providers:0:Name"] = "google",
            ["Portal:OpenIdConnect:Providers:0:DisplayName"] = "Google",
            ["Portal:OpenIdConnect:Providers:0:Authority"] = "https://accounts.google.com",
            ["Portal:OpenIdConnect:Providers:0:ClientId"] = "portal",
            ["Portal:OpenIdConnect:Providers:0:ClientSecret"] = "secret",
            ["Portal:OpenIdConnect:Providers:0:Scopes:0"] = "openid",
            ["Portal:OpenIdConnect:Providers:0:Scopes:1"] = "email",
            ["Portal:OpenIdConnect:Providers:0:Scopes:2"] = "profile",
            ["Portal:PublicUrl"] = "https://portal.example.org/",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPortalOpenIdConnect(configuration);
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.SectionName));
        services.AddSingleton<PortalCookies>();
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>()
            .Get(OpenIdPaths.Scheme("google"));

        Assert.Equal(["email", "openid", "profile"], handler.Scope.Order(StringComparer.Ordinal));
        Assert.True(handler.UsePkce);
        Assert.False(handler.SaveTokens);
        Assert.Equal("/signin/openid/google/callback", handler.CallbackPath.Value);
        Assert.Equal("code", handler.ResponseType);
        Assert.Equal("query", handler.ResponseMode);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Lax, handler.CorrelationCookie.SameSite);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, handler.CorrelationCookie.SecurePolicy);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, handler.NonceCookie.SecurePolicy);
    }

    private static OpenIdProviderOptions Provider(string name, AddressRule rule = AddressRule.EmailVerified) => new()
    {
        Name = name,
        DisplayName = name,
        Authority = "https://idp.example.org",
        ClientId = "portal",
        ClientSecret = "secret",
        AddressRule = rule,
    };
}
