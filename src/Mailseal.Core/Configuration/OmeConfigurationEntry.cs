using System.Text.Json.Serialization;

namespace Mailseal.Core.Configuration;

/// <summary>One branding template in the configuration document. Null means the default text or logo.</summary>
public sealed record OmeConfigurationEntry
{
    [JsonPropertyName("identity")]
    [JsonRequired]
    public required string Identity { get; init; }

    [JsonPropertyName("emailText")]
    public string? EmailText { get; init; }

    [JsonPropertyName("disclaimerText")]
    public string? DisclaimerText { get; init; }

    [JsonPropertyName("portalText")]
    public string? PortalText { get; init; }

    /// <summary>The logo as base64 (PNG after normalisation; on import any accepted image type).</summary>
    [JsonPropertyName("image")]
    public string? Image { get; init; }
}
