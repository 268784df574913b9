using Mailseal.Core.Administration;
using Mailseal.Core.Rules;

namespace Mailseal.Cli.Commands;

/// <summary>Writes a <see cref="TransportRuleTestResult"/> for people: rule by rule, recipient by recipient, then the copies.</summary>
internal static class RuleExplanationWriter
{
    public static void Write(TextWriter output, TransportRuleTestResult result)
    {
        var evaluation = result.Evaluation;
        output.WriteLine($"message:   class {result.MessageClass}; types: {(result.MessageTypes.Count == 0 ? "none" : string.Join(", ", result.MessageTypes))}; {result.Size} bytes");
        output.WriteLine($"sender:    {result.Sender} (envelope sender {(result.EnvelopeSender.Length == 0 ? "<>" : result.EnvelopeSender)})");
        output.WriteLine($"rules:     {result.Rules.Count}");
        foreach (var rule in result.Rules)
        {
            output.WriteLine();
            output.WriteLine($"rule \"{rule.Name}\" (priority {rule.Priority}, {rule.State}, {rule.Mode}{(rule.StopRuleProcessing ? ", stop rule processing" : "")})");
            WriteTrace(output, evaluation.Trace.Where(t => t.RuleName == rule.Name));
        }

        var senderChecks = evaluation.Trace.Where(t => t.Step == RuleTraceStep.SenderCheck).ToList();
        if (senderChecks.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("sender check");
            WriteTrace(output, senderChecks);
        }

        output.WriteLine();
        output.WriteLine("recipients");
        foreach (var outcome in evaluation.Recipients)
        {
            var matched = outcome.MatchedRules.Count == 0 ? "none"
                : string.Join(", ", outcome.MatchedRules.Select(m => m.Mode == RuleMode.Enforce ? $"\"{m.RuleName}\"" : $"\"{m.RuleName}\" ({m.Mode})"));
            output.WriteLine($"  {outcome.Recipient}: {outcome.Decision.Describe()} (rules matched: {matched})");
        }

        output.WriteLine();
        output.WriteLine($"copies: {evaluation.Copies.Count}");
        var number = 0;
        foreach (var copy in evaluation.Copies)
        {
            output.WriteLine($"  copy {++number}: {copy.Decision.Describe()} → {string.Join(", ", copy.Recipients)}");
        }
    }

    private static void WriteTrace(TextWriter output, IEnumerable<RuleTraceEntry> entries)
    {
        foreach (var byRecipient in entries.GroupBy(t => t.Recipient))
        {
            output.WriteLine($"  {byRecipient.Key}");
            foreach (var entry in byRecipient)
            {
                var verdict = entry.Matched ? "yes" : "no";
                output.WriteLine($"    {entry.Step.ToString().ToLowerInvariant(),-12}{verdict,-4}{entry.Detail}");
            }
        }
    }
}
