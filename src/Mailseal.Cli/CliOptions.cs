using System.CommandLine;

namespace Mailseal.Cli;

/// <summary>Options several commands share, so that they are spelled and described once.</summary>
internal static class CliOptions
{
    public static Option<string> DataDirectory() => new("--data-dir")
    {
        Description = "The data folder (SQLite database, generated key-encryption key).",
        DefaultValueFactory = _ => "./data",
    };

    public static Option<bool> AllowLegacyMode1() => new("--allow-legacy-mode1")
    {
        Description = "Allow crypto mode 1 (RSA-1024, SHA-1) for legacy interoperability. Weak: avoid.",
    };

    public static Option<string> Input(string description = "The input file, or - for standard input.") => new("--in")
    {
        Description = description,
        Required = true,
    };

    public static Option<string> Output(string description = "The output file, or - for standard output.") => new("--out")
    {
        Description = description,
        Required = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON for scripts instead of a table.",
    };
}
