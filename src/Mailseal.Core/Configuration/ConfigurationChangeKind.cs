namespace Mailseal.Core.Configuration;

public enum ConfigurationChangeKind
{
    Add,
    Update,
    Remove,
}
