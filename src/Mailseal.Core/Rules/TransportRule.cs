using System.Text.Json.Serialization;

namespace Mailseal.Core.Rules;

/// <summary>
/// A mail-flow rule, as in Exchange: all conditions must hold, no exception may hold, then the actions
/// apply (in Enforce mode). See docs/rules.md.
/// </summary>
public sealed record TransportRule
{
    /// <summary>Unique, compared case-insensitively; at most <see cref="TransportRuleValidator.MaxNameLength"/> characters.</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public required string Name { get; init; }

    /// <summary>0 runs first; unique among the rules.</summary>
    [JsonPropertyName("priority")]
    public int Priority { get; init; }

    [JsonPropertyName("state")]
    [JsonConverter(typeof(JsonStringEnumConverter<RuleState>))]
    public RuleState State { get; init; } = RuleState.Enabled;

    [JsonPropertyName("mode")]
    [JsonConverter(typeof(JsonStringEnumConverter<RuleMode>))]
    public RuleMode Mode { get; init; } = RuleMode.Enforce;

    /// <summary>UTC; before it the rule does not apply.</summary>
    [JsonPropertyName("activationDate")]
    public DateTimeOffset? ActivationDate { get; init; }

    /// <summary>UTC; from it on the rule does not apply.</summary>
    [JsonPropertyName("expiryDate")]
    public DateTimeOffset? ExpiryDate { get; init; }

    [JsonPropertyName("comments")]
    public string? Comments { get; init; }

    /// <summary>When the rule matches (in Enforce mode), no later rule is evaluated for that recipient.</summary>
    [JsonPropertyName("stopRuleProcessing")]
    public bool StopRuleProcessing { get; init; }

    [JsonPropertyName("conditions")]
    public IReadOnlyList<RulePredicate> Conditions { get; init; } = [];

    [JsonPropertyName("exceptions")]
    public IReadOnlyList<RulePredicate> Exceptions { get; init; } = [];

    [JsonPropertyName("actions")]
    public RuleActions Actions { get; init; } = RuleActions.None;

    /// <summary>True when the rule is enabled and <paramref name="now"/> lies in its activation window.</summary>
    public bool IsActiveAt(DateTimeOffset now) =>
        State == RuleState.Enabled
        && (ActivationDate is not { } from || now >= from)
        && (ExpiryDate is not { } until || now < until);
}
