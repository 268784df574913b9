namespace Mailseal.Core.Rules;

/// <summary>
/// Rules validated, compiled and ordered for evaluation (priority, then name). Build one when the rules
/// change and reuse it for every message: regular expressions are compiled here, once per rule.
/// </summary>
public sealed class RuleSet
{
    private RuleSet(IReadOnlyList<CompiledTransportRule> rules)
    {
        Compiled = rules;
    }

    public static RuleSet Empty { get; } = new([]);

    public IReadOnlyList<TransportRule> Rules => [.. Compiled.Select(c => c.Rule)];

    internal IReadOnlyList<CompiledTransportRule> Compiled { get; }

    /// <summary>Throws <see cref="TransportRuleValidationException"/> naming the rule and parameter at fault.</summary>
    public static RuleSet Compile(IEnumerable<TransportRule> rules, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var timeout = matchTimeout ?? TransportRuleValidator.DefaultMatchTimeout;
        var compiled = new List<CompiledTransportRule>();
        foreach (var rule in rules.OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                compiled.Add(TransportRuleValidator.Compile(rule, timeout));
            }
            catch (TransportRuleValidationException ex)
            {
                throw ex.InRule(rule.Name);
            }
        }

        return new RuleSet(compiled);
    }
}
