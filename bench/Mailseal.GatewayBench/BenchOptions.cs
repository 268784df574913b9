using System.Globalization;

namespace Mailseal.GatewayBench;

/// <summary>The command line of the benchmark: where the CLI and the two prepared data folders are, and how much to send.</summary>
internal sealed record BenchOptions(string Cli, string SealedData, string PassData, string Logs, int Messages, int PerClient, int WarmUp, int LargeBytes)
{
    public const int MessageBytes = 50_000;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(Required("--cli"), Required("--sealed-data"), Required("--pass-data"), Required("--logs"),
            Number("--messages", 1000), Number("--per-client", 150), Number("--warm-up", 3000), Number("--large-bytes", 25_000_000));
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
