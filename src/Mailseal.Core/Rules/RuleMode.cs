namespace Mailseal.Core.Rules;

/// <summary>As in Exchange: Audit rules are recorded when they match but change nothing.</summary>
public enum RuleMode
{
    /// <summary>Actions are applied.</summary>
    Enforce,

    /// <summary>A match is recorded; no action is applied.</summary>
    Audit,

    /// <summary>As Audit; the match is also logged as a notification event.</summary>
    AuditAndNotify,
}
