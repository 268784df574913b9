namespace Mailseal.Core.Rules;

public enum RuleState
{
    Enabled,
    Disabled,
}
