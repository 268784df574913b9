using System.Text.Json.Serialization;

namespace Mailseal.Core.Rules;

/// <summary>
/// The result of evaluating the rules on one message: per recipient what matched and what happens, the
/// copies to make (recipients grouped by equal decision, rejected ones included as their own group), and
/// the explanation.
/// </summary>
public sealed record RuleEvaluation(
    IReadOnlyList<RecipientOutcome> Recipients,
    IReadOnlyList<RecipientGroup> Copies,
    IReadOnlyList<RuleTraceEntry> Trace)
{
    /// <summary>AuditAndNotify matches, which the pipeline logs as notification events (derived, so not serialised).</summary>
    [JsonIgnore]
    public IEnumerable<(string Recipient, RuleMatch Match)> Notifications =>
        Recipients.SelectMany(r => r.MatchedRules.Where(m => m.Mode == RuleMode.AuditAndNotify).Select(m => (r.Recipient, m)));
}
