namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>Sign-in with an account: the providers configured under <c>Portal:OpenIdConnect</c>.</summary>
public sealed class PortalOpenIdOptions
{
    public const string Section = "Portal:OpenIdConnect";

    /// <summary>None configured means the sign-in choice offers the pass code only.</summary>
    public List<OpenIdProviderOptions> Providers { get; set; } = [];
}
