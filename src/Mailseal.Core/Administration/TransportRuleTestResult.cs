using Mailseal.Core.Classification;
using Mailseal.Core.Rules;

namespace Mailseal.Core.Administration;

/// <summary>Test-TransportRule: what the stored rules would do to a message, rule by rule and recipient by recipient.</summary>
public sealed record TransportRuleTestResult(
    MessageClass MessageClass,
    IReadOnlyList<MessageType> MessageTypes,
    long Size,
    string Sender,
    string EnvelopeSender,
    IReadOnlyList<TransportRule> Rules,
    RuleEvaluation Evaluation);
