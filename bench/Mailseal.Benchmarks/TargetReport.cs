using System.Globalization;
using System.Text.Json;

namespace Mailseal.Benchmarks;

/// <summary>
/// Reads the JSON results of a run and judges issue 2's targets: the per-byte cost at 25 MB within 2× of
/// the raw bound, and the cost at 50 KB within 1.5× of the RSA operations alone.
/// </summary>
public static class TargetReport
{
    private const double PerByteLimit = 2.0;
    private const double FixedLimit = 1.5;
    private const int Small = 50_000;
    private const int Large = 25_000_000;

    /// <summary>Prints the ratios; returns 0 when every target passes, 1 when one fails, 2 when results are missing.</summary>
    public static int Run(string resultsDirectory, TextWriter output)
    {
        var means = LoadMeans(resultsDirectory);
        if (means.Count == 0)
        {
            output.WriteLine($"No *-report-brief.json in {resultsDirectory}: run the benchmarks first.");
            return 2;
        }

        try
        {
            var verdicts = new List<bool>
            {
                PerByte(output, means, "Seal", "RawSealBound", target: true),
                PerByte(output, means, "Unseal", "RawUnsealBound", target: true),
                Fixed(output, means, "Seal", "SignAndWrap", target: true),
                Fixed(output, means, "Unseal", "VerifyAndUnwrap", target: true),
            };
            return verdicts.All(passed => passed) ? 0 : 1;
        }
        catch (KeyNotFoundException missing)
        {
            output.WriteLine($"Incomplete results: {missing.Message}");
            return 2;
        }
    }

    private static bool PerByte(TextWriter output, Dictionary<string, double> means, string method, string bound, bool target)
    {
        var cost = PerByteNs(means, method);
        var boundCost = PerByteNs(means, bound);
        var ratio = cost / boundCost;
        output.WriteLine(Invariant(
            $"per-byte  {method,-18} {cost,8:F3} ns/B vs {bound,-16} {boundCost,8:F3} ns/B  ratio {ratio,5:F2} (target ≤ {PerByteLimit:F1})  {Verdict(ratio <= PerByteLimit, target)}"));
        return !target || ratio <= PerByteLimit;
    }

    private static bool Fixed(TextWriter output, Dictionary<string, double> means, string method, string rsa, bool target)
    {
        var cost = Mean(means, method, Small);
        var rsaCost = Mean(means, rsa, null);
        var ratio = cost / rsaCost;
        output.WriteLine(Invariant(
            $"fixed     {method,-18} {cost / 1000,8:F1} µs at 50 KB vs {rsa,-16} {rsaCost / 1000,8:F1} µs  ratio {ratio,5:F2} (target ≤ {FixedLimit:F1})  {Verdict(ratio <= FixedLimit, target)}"));
        return !target || ratio <= FixedLimit;
    }

    /// <summary>(cost at 25 MB − cost at 50 KB) / (25 MB − 50 KB): the slope, free of the fixed part.</summary>
    private static double PerByteNs(Dictionary<string, double> means, string method) =>
        (Mean(means, method, Large) - Mean(means, method, Small)) / (Large - Small);

    internal static double Mean(Dictionary<string, double> means, string method, int? size)
    {
        var key = Key(method, size);
        return means.TryGetValue(key, out var mean) ? mean : throw new KeyNotFoundException(key);
    }

    private static string Verdict(bool passed, bool target) => (passed ? "PASS" : "FAIL") + (target ? string.Empty : " (informational)");

    private static string Key(string method, int? size) => size is { } bytes ? $"{method}@{bytes}" : method;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static Dictionary<string, double> LoadMeans(string resultsDirectory)
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!Directory.Exists(resultsDirectory))
        {
            return means;
        }

        foreach (var file in Directory.EnumerateFiles(resultsDirectory, "*-report-brief.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue; // A benchmark that failed has no statistics; its target reports as missing.
                }

                var method = benchmark.GetProperty("Method").GetString()!;
                var parameters = benchmark.GetProperty("Parameters").GetString() ?? string.Empty;
                int? size = parameters.StartsWith("MessageBytes=", StringComparison.Ordinal)
                    ? int.Parse(parameters["MessageBytes=".Length..], CultureInfo.InvariantCulture)
                    : null;
                means[Key(method, size)] = statistics.GetProperty("Mean").GetDouble();
            }
        }

        return means;
    }
}
