using System.Text.Json.Serialization;

namespace Mailseal.Core.Configuration;

/// <summary>
/// One DKIM selector in the configuration document: where a domain's key is published and its size. The key
/// itself is never in the document; importing a selector the store lacks makes a new key, whose TXT record must
/// then be published.
/// </summary>
public sealed record DkimSelectorEntry
{
    [JsonPropertyName("domain")]
    [JsonRequired]
    public required string Domain { get; init; }

    [JsonPropertyName("selector")]
    [JsonRequired]
    public required string Selector { get; init; }

    [JsonPropertyName("keySizeBits")]
    public int KeySizeBits { get; init; } = 2048;
}
