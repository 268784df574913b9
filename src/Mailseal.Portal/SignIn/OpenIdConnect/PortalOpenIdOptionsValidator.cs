using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>
/// Checks the configured providers at start, so a typo is a failed start and not a sign-in that fails later.
/// </summary>
public sealed partial class PortalOpenIdOptionsValidator : IValidateOptions<PortalOpenIdOptions>
{
    public const int MaxDisplayNameLength = 64;

    public ValidateOptionsResult Validate(string? name, PortalOpenIdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < options.Providers.Count; index++)
        {
            var provider = options.Providers[index];
            var key = $"{PortalOpenIdOptions.Section}:Providers:{index}";
            if (provider is null)
            {
                failures.Add($"{key} is empty.");
                continue;
            }

            ValidateProvider(provider, key, failures);
            if (!names.Add(provider.Name))
            {
                failures.Add($"{key}:Name \"{provider.Name}\" is used by another provider.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateProvider(OpenIdProviderOptions provider, string key, List<string> failures)
    {
        if (!ProviderName().IsMatch(provider.Name ?? ""))
        {
            failures.Add($"{key}:Name must be 1 to 32 lower-case letters, digits or '-' (it appears in paths).");
        }

        if (string.IsNullOrWhiteSpace(provider.DisplayName) || provider.DisplayName.Length > MaxDisplayNameLength)
        {
            failures.Add($"{key}:DisplayName must be set, at most {MaxDisplayNameLength} characters.");
        }

        if (!IsAcceptedAuthority(provider.Authority))
        {
            failures.Add($"{key}:Authority must be an absolute https URL (http only for a loopback address).");
        }

        if (string.IsNullOrWhiteSpace(provider.ClientId))
        {
            failures.Add($"{key}:ClientId must be set.");
        }

        if (string.IsNullOrWhiteSpace(provider.ClientSecret))
        {
            failures.Add($"{key}:ClientSecret must be set: the portal is a confidential client.");
        }

        var scopes = provider.Scopes ?? [];
        if (scopes.Count > 0
            && (!scopes.Contains("openid", StringComparer.Ordinal) || !scopes.Contains("email", StringComparer.Ordinal)))
        {
            failures.Add($"{key}:Scopes, when set, must include \"openid\" and \"email\".");
        }

        if (scopes.Any(scope => string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsWhiteSpace)))
        {
            failures.Add($"{key}:Scopes must be single words.");
        }

        if (!Enum.IsDefined(provider.AddressRule))
        {
            failures.Add($"{key}:AddressRule must be one of {string.Join(", ", Enum.GetNames<AddressRule>())}.");
        }
    }

    /// <summary>
    /// https, or http to a loopback address: ASP.NET's handler still refuses to read http metadata unless
    /// RequireHttpsMetadata is turned off, which only the test suite does, in code.
    /// </summary>
    private static bool IsAcceptedAuthority(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
                && IPAddress.IsLoopback(address)));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderName();
}
