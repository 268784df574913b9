using System.Text.Json;
using System.Text.Json.Serialization;
using Mailseal.Core.Rules;

namespace Mailseal.Storage.Stores;

/// <summary>The JSON document in transport_rules.definition: what a rule checks and does.</summary>
internal sealed record TransportRuleDefinition
{
    private static readonly JsonSerializerOptions Options = new() { RespectNullableAnnotations = true };

    [JsonPropertyName("conditions")]
    public IReadOnlyList<RulePredicate> Conditions { get; init; } = [];

    [JsonPropertyName("exceptions")]
    public IReadOnlyList<RulePredicate> Exceptions { get; init; } = [];

    [JsonPropertyName("actions")]
    public RuleActions Actions { get; init; } = RuleActions.None;

    public static string Write(TransportRule rule) =>
        JsonSerializer.Serialize(new TransportRuleDefinition { Conditions = rule.Conditions, Exceptions = rule.Exceptions, Actions = rule.Actions }, Options);

    public static TransportRuleDefinition Read(string json) =>
        JsonSerializer.Deserialize<TransportRuleDefinition>(json, Options)
        ?? throw new InvalidDataException("A stored transport rule has an empty definition.");
}
