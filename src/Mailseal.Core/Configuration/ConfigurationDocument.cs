using System.Text.Json.Serialization;

namespace Mailseal.Core.Configuration;

/// <summary>
/// Mailseal's configuration as one JSON document (docs/configuration-document.md): what `mailseal export`
/// writes and `mailseal import` applies. Never holds a private key. Later versions add sections; a
/// section left out (null) on import is left as it is.
/// </summary>
public sealed record ConfigurationDocument
{
    /// <summary>The schema version this build writes and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    [JsonPropertyName("version")]
    [JsonRequired]
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Branding templates; the default one is always present in an export.</summary>
    [JsonPropertyName("omeConfigurations")]
    public IReadOnlyList<OmeConfigurationEntry>? OmeConfigurations { get; init; }
}
