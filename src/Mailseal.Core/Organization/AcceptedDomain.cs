using System.Text.Json.Serialization;

namespace Mailseal.Core.Organization;

/// <summary>A domain of the organisation: an address in it is "InOrganization". Names compare case-insensitively.</summary>
public sealed record AcceptedDomain
{
    [JsonPropertyName("domainName")]
    [JsonRequired]
    public required string DomainName { get; init; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(JsonStringEnumConverter<AcceptedDomainType>))]
    public AcceptedDomainType Type { get; init; } = AcceptedDomainType.Authoritative;
}
