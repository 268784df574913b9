namespace Mailseal.Core.Configuration;

/// <summary>One difference between the store and a configuration document, as `import --dry-run` shows it.</summary>
public sealed record ConfigurationChange(ConfigurationChangeKind Kind, string Section, string Identity, string Detail)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant(),-6} {Section} \"{Identity}\"{(Detail.Length > 0 ? ": " + Detail : "")}";
}
