namespace Mailseal.Core.Rules;

/// <summary>A rule that cannot be created as given; <see cref="ParameterName"/> names the Exchange parameter at fault.</summary>
public sealed class TransportRuleValidationException : InvalidOperationException
{
    public TransportRuleValidationException(string parameterName, string reason)
        : base($"{parameterName}: {reason}")
    {
        ParameterName = parameterName;
        Reason = reason;
    }

    public TransportRuleValidationException(string parameterName, string reason, Exception innerException)
        : base($"{parameterName}: {reason}", innerException)
    {
        ParameterName = parameterName;
        Reason = reason;
    }

    private TransportRuleValidationException(string ruleName, TransportRuleValidationException inner)
        : base($"Rule \"{ruleName}\": {inner.Message}", inner)
    {
        ParameterName = inner.ParameterName;
        Reason = inner.Reason;
        RuleName = ruleName;
    }

    public string ParameterName { get; }

    public string Reason { get; }

    /// <summary>The rule at fault when a set of rules was checked.</summary>
    public string? RuleName { get; }

    internal TransportRuleValidationException InRule(string ruleName) => new(ruleName, this);
}
