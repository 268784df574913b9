namespace Mailseal.Core.Administration;

/// <summary>
/// Who makes a change, as the audit log records it: "cli:&lt;OS user&gt;" for the command line,
/// "api-key:&lt;key name&gt;" for the HTTP API.
/// </summary>
public sealed record AdminActor
{
    public const int MaxLength = 200;

    public AdminActor(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength || name.Any(char.IsControl))
        {
            throw new AdminValidationException("Actor", $"must be 1 to {MaxLength} characters without control characters");
        }

        Name = name;
    }

    public string Name { get; }

    /// <summary>The command line run by <paramref name="userName"/>.</summary>
    public static AdminActor Cli(string userName) => new("cli:" + userName);

    /// <summary>A client of the HTTP API authenticated with the key named <paramref name="keyName"/>.</summary>
    public static AdminActor ApiKey(string keyName) => new("api-key:" + keyName);

    public override string ToString() => Name;
}
