namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>One OpenID provider the administrator offers for sign-in: <c>Portal:OpenIdConnect:Providers:N</c>.</summary>
public sealed class OpenIdProviderOptions
{
    /// <summary>Short name used in the provider's paths: lower-case letters, digits and '-'.</summary>
    public string Name { get; set; } = "";

    /// <summary>Shown on the sign-in choice: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The issuer; its discovery document is read from {Authority}/.well-known/openid-configuration.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// Scopes requested; when set they must hold <c>openid</c> and <c>email</c>. Empty means those two.
    /// (Empty by default: the configuration binder appends to a list rather than replacing it.)
    /// </summary>
    public List<string> Scopes { get; set; } = [];

    public AddressRule AddressRule { get; set; } = AddressRule.EmailVerified;

    internal IReadOnlyList<string> EffectiveScopes => Scopes.Count == 0 ? ["openid", "email"] : Scopes;
}
