namespace Mailseal.Core.Rules;

/// <summary>One line of the explanation: for a rule and a recipient, what was checked and how it came out.</summary>
public sealed record RuleTraceEntry(string RuleName, string Recipient, RuleTraceStep Step, bool Matched, string Detail)
{
    public override string ToString() =>
        $"{RuleName} → {Recipient}: {Step.ToString().ToLowerInvariant()} {(Matched ? "MATCH" : "no match")} — {Detail}";
}
