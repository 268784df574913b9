using System.Globalization;

namespace Mailseal.Benchmarks;

/// <summary>
/// Judges issue 4's portal targets from a run's JSON: a view at 50 KB within 1.3× and at 25 MB within 2× of the
/// sum of its unavoidable parts (one RSA-2048 decrypt, AES-GCM and base64 over the bytes, one MIME parse,
/// sanitising the same body), and arrivals per second at least 0.8× RSA-2048 verifications per second.
/// </summary>
public static class PortalTargetReport
{
    private static readonly (int Bytes, double Limit)[] ViewTargets = [(50_000, 1.3), (25_000_000, 2.0)];
    private const double ArrivalLimit = 0.8;

    /// <summary>Prints the ratios; returns 0 when every target passes, 1 when one fails, 2 when results are missing.</summary>
    public static int Run(string resultsDirectory, TextWriter output)
    {
        var means = TargetReport.LoadMeans(resultsDirectory);
        try
        {
            var passed = true;
            foreach (var (bytes, limit) in ViewTargets)
            {
                var view = TargetReport.Mean(means, "View", bytes);
                var parts = TargetReport.Mean(means, "RsaDecrypt", null) + TargetReport.Mean(means, "DecodeAndDecrypt", bytes)
                    + TargetReport.Mean(means, "MimeParse", bytes) + TargetReport.Mean(means, "Sanitize", null);
                var ratio = view / parts;
                passed &= ratio <= limit;
                output.WriteLine(Invariant(
                    $"view      {bytes,10:N0} B  {view / 1e6,9:F3} ms vs parts {parts / 1e6,9:F3} ms  ratio {ratio,5:F2} (target ≤ {limit:F1})  {Verdict(ratio <= limit)}"));
            }

            var arrivals = 1e9 / TargetReport.Mean(means, "Arrival", null);
            var verifications = 1e9 / TargetReport.Mean(means, "RsaVerify", null);
            var rate = arrivals / verifications;
            passed &= rate >= ArrivalLimit;
            output.WriteLine(Invariant(
                $"arrival   {arrivals,10:N0} /s vs RSA verify {verifications,10:N0} /s  ratio {rate,5:F2} (target ≥ {ArrivalLimit:F1})  {Verdict(rate >= ArrivalLimit)}"));
            return passed ? 0 : 1;
        }
        catch (KeyNotFoundException missing)
        {
            output.WriteLine($"Incomplete results in {resultsDirectory}: {missing.Message}");
            return 2;
        }
    }

    private static string Verdict(bool passed) => passed ? "PASS" : "FAIL";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
