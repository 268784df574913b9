using System.Text.Json.Serialization;

namespace Mailseal.Core.Organization;

/// <summary>A mailbox of the organisation. Addresses compare case-insensitively.</summary>
public sealed record OrganizationUser
{
    [JsonPropertyName("address")]
    [JsonRequired]
    public required string Address { get; init; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>BCP 47 tag for the wrapper mail this user's messages get (e.g. "de-DE"); null means the default.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>False: a message from this user that a rule would seal is rejected, never sent in plain text.</summary>
    [JsonPropertyName("maySendEncrypted")]
    public bool MaySendEncrypted { get; init; } = true;
}
