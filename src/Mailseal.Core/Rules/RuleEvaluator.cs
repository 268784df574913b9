using Mailseal.Core.Organization;

namespace Mailseal.Core.Rules;

/// <summary>
/// Evaluates a <see cref="RuleSet"/> on one message, per recipient (docs/rules.md, "Evaluation"). Predicates
/// that do not depend on the recipient are evaluated once per rule and reused for every recipient.
/// </summary>
public sealed class RuleEvaluator(TimeProvider timeProvider)
{
    public RuleEvaluation Evaluate(MessageFacts facts, OrganizationSnapshot organization, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(rules);
        var now = timeProvider.GetUtcNow();
        var trace = new List<RuleTraceEntry>();
        var shared = new Dictionary<CompiledPredicate, PredicateResult>(ReferenceEqualityComparer.Instance);
        var outcomes = facts.Recipients
            .Select(recipient => EvaluateRecipient(facts, organization, rules, recipient, now, shared, trace))
            .ToList();
        var copies = outcomes
            .GroupBy(o => o.Decision)
            .Select(g => new RecipientGroup(g.Key, [.. g.Select(o => o.Recipient)]))
            .ToList();
        return new RuleEvaluation(outcomes, copies, trace);
    }

    private static RecipientOutcome EvaluateRecipient(MessageFacts facts, OrganizationSnapshot organization, RuleSet rules,
        string recipient, DateTimeOffset now, Dictionary<CompiledPredicate, PredicateResult> shared, List<RuleTraceEntry> trace)
    {
        var input = new PredicateInput(facts, recipient, organization);
        var matches = new List<RuleMatch>();
        var decision = new DecisionBuilder();
        var stoppedBy = (string?)null;
        foreach (var compiled in rules.Compiled)
        {
            var rule = compiled.Rule;
            if (stoppedBy is not null)
            {
                trace.Add(new(rule.Name, recipient, RuleTraceStep.Skipped, false, $"rule processing stopped by \"{stoppedBy}\""));
                continue;
            }

            if (!rule.IsActiveAt(now))
            {
                trace.Add(new(rule.Name, recipient, RuleTraceStep.Skipped, false, InactiveReason(rule, now)));
                continue;
            }

            if (!Matches(compiled, input, shared, trace))
            {
                continue;
            }

            matches.Add(new RuleMatch(rule.Name, rule.Priority, rule.Mode));
            if (rule.Mode != RuleMode.Enforce)
            {
                trace.Add(new(rule.Name, recipient, RuleTraceStep.Result, true, $"matched in {rule.Mode} mode: actions not applied"));
                continue;
            }

            decision.Apply(rule.Actions);
            trace.Add(new(rule.Name, recipient, RuleTraceStep.Result, true, "matched: actions applied"));
            if (rule.StopRuleProcessing)
            {
                stoppedBy = rule.Name;
            }
        }

        CheckSender(facts, organization, recipient, decision, trace);
        return new RecipientOutcome(recipient, matches, decision.Build());
    }

    /// <summary>All conditions must hold, then no exception may; stops at the first that decides.</summary>
    private static bool Matches(CompiledTransportRule compiled, PredicateInput input,
        Dictionary<CompiledPredicate, PredicateResult> shared, List<RuleTraceEntry> trace)
    {
        var name = compiled.Rule.Name;
        foreach (var condition in compiled.Conditions)
        {
            var result = Run(condition, input, shared);
            trace.Add(new(name, input.Recipient, RuleTraceStep.Condition, result.Matched, $"{condition.Describe()}: {result.Detail}"));
            if (!result.Matched)
            {
                trace.Add(new(name, input.Recipient, RuleTraceStep.Result, false, $"condition {condition.Definition.Name} does not hold"));
                return false;
            }
        }

        foreach (var exception in compiled.Exceptions)
        {
            var result = Run(exception, input, shared);
            trace.Add(new(name, input.Recipient, RuleTraceStep.Exception, result.Matched, $"ExceptIf{exception.Describe()}: {result.Detail}"));
            if (result.Matched)
            {
                trace.Add(new(name, input.Recipient, RuleTraceStep.Result, false, $"exception ExceptIf{exception.Definition.Name} holds"));
                return false;
            }
        }

        return true;
    }

    private static PredicateResult Run(CompiledPredicate predicate, PredicateInput input, Dictionary<CompiledPredicate, PredicateResult> shared)
    {
        if (predicate.Definition.DependsOnRecipient)
        {
            return predicate.Definition.Evaluate(input, predicate);
        }

        if (!shared.TryGetValue(predicate, out var result))
        {
            result = predicate.Definition.Evaluate(input, predicate);
            shared[predicate] = result;
        }

        return result;
    }

    /// <summary>A known user who may not send encrypted mail is rejected rather than sent in plain text.</summary>
    private static void CheckSender(MessageFacts facts, OrganizationSnapshot organization, string recipient,
        DecisionBuilder decision, List<RuleTraceEntry> trace)
    {
        if (!decision.ApplyOme)
        {
            return;
        }

        var user = organization.FindUser(facts.Sender);
        if (user is { MaySendEncrypted: false })
        {
            decision.Reject(RecipientDecision.SenderMayNotEncrypt);
            trace.Add(new("(sender check)", recipient, RuleTraceStep.SenderCheck, false, $"{facts.Sender} may not send encrypted mail: rejected"));
        }
        else
        {
            trace.Add(new("(sender check)", recipient, RuleTraceStep.SenderCheck, true,
                user is null ? $"{facts.Sender} is not a known user: allowed" : $"{facts.Sender} may send encrypted mail"));
        }
    }

    private static string InactiveReason(TransportRule rule, DateTimeOffset now) =>
        rule.State == RuleState.Disabled ? "rule is disabled"
        : rule.ActivationDate is { } from && now < from ? $"rule is not active before {from:u}"
        : $"rule expired at {rule.ExpiryDate:u}";
}
