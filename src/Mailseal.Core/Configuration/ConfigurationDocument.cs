using System.Text.Json.Serialization;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;

namespace Mailseal.Core.Configuration;

/// <summary>
/// Mailseal's configuration as one JSON document (docs/configuration-document.md): what `mailseal export`
/// writes and `mailseal import` applies. Never holds a private key. Later versions add sections; a
/// section left out (null) on import is left as it is.
/// </summary>
public sealed record ConfigurationDocument
{
    /// <summary>
    /// The schema version this build writes and the newest it reads (version 2 added rules, domains and users;
    /// version 3 DKIM selectors).
    /// </summary>
    public const int CurrentVersion = 3;

    [JsonPropertyName("version")]
    [JsonRequired]
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Branding templates; the default one is always present in an export.</summary>
    [JsonPropertyName("omeConfigurations")]
    public IReadOnlyList<OmeConfigurationEntry>? OmeConfigurations { get; init; }

    /// <summary>The organisation's domains: what "InOrganization" means.</summary>
    [JsonPropertyName("acceptedDomains")]
    public IReadOnlyList<AcceptedDomain>? AcceptedDomains { get; init; }

    /// <summary>The organisation's users: language and whether they may send encrypted mail.</summary>
    [JsonPropertyName("users")]
    public IReadOnlyList<OrganizationUser>? Users { get; init; }

    /// <summary>Mail-flow rules, by priority.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<TransportRule>? Rules { get; init; }

    /// <summary>DKIM selectors per domain (never a key): import makes a new key for a selector the store lacks.</summary>
    [JsonPropertyName("dkimSelectors")]
    public IReadOnlyList<DkimSelectorEntry>? DkimSelectors { get; init; }
}
