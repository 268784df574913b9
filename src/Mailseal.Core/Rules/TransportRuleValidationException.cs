namespace Mailseal.Core.Rules;

/// <summary>A rule that cannot be created as given; <see cref="ParameterName"/> names the Exchange parameter at fault.</summary>
public sealed class TransportRuleValidationException : InvalidOperationException
{
    public TransportRuleValidationException(string parameterName, string message)
        : base($"{parameterName}: {message}")
    {
        ParameterName = parameterName;
    }

    public TransportRuleValidationException(string parameterName, string message, Exception innerException)
        : base($"{parameterName}: {message}", innerException)
    {
        ParameterName = parameterName;
    }

    public string ParameterName { get; }
}
