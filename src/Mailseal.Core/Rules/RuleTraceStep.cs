namespace Mailseal.Core.Rules;

public enum RuleTraceStep
{
    /// <summary>The rule was not evaluated: disabled, outside its window, or stopped by an earlier rule.</summary>
    Skipped,
    Condition,
    Exception,

    /// <summary>The rule's result for the recipient.</summary>
    Result,

    /// <summary>The check that the sender may send encrypted mail.</summary>
    SenderCheck,
}
