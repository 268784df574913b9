namespace Mailseal.GatewayBench;

/// <summary>Prints the figures and judges issue 3's targets, each as a ratio within this run.</summary>
internal sealed class GatewayTargetReport(UnavoidableCosts costs)
{
    private const double CpuTarget = 1.3;
    private const double LatencyTarget = 1.3;
    private const double P99TargetMs = 8.0;
    private const double MemoryTarget = 2.5;

    public bool Failed { get; private set; }

    public void Load(string mode, params LoadResult[] results)
    {
        foreach (var r in results)
        {
            Console.WriteLine($"{mode,-12} {r.Clients} client(s) {r.Messages,5} msgs: {r.MessagesPerSecond,7:F0} msg/s, "
                + $"{r.MessagesPerCpuSecond,7:F0} msg per gateway CPU-s ({r.CpuMsPerMessage:F3} ms CPU/msg), "
                + $"latency p50 {r.LatencyMs(0.50):F3} ms p99 {r.LatencyMs(0.99):F3} ms, {r.BytesPerMessageOut:F0} bytes out/msg");
        }
    }

    public void Costs(FormatCosts format)
    {
        Console.WriteLine($"unavoidable   envelope RSA sign {Describe(costs.EnvelopeSignature)}, DKIM RSA sign {Describe(costs.DkimSignature)}, "
            + $"AES-GCM + base64 of 50 KB {Describe(costs.AesAndBase64)}; sum {costs.CpuMs:F3} ms CPU, {costs.WallMs:F3} ms wall");
        var withFormat = costs.WallMs + format.WallMs;
        Console.WriteLine($"not counted   content-key RSA-OAEP wrap {Describe(format.KeyWrap)}, SHA-256 of a {format.WrapperBytes}-byte wrapper body "
            + $"(DKIM body hash) {Describe(format.BodyHash)}; with them {withFormat:F3} ms wall = {withFormat / costs.WallMs:F2} x the latency bound's parts");
    }

    public void Memory(string mode, MemoryResult m) =>
        Console.WriteLine($"{mode,-12} {m.MessageBytes} bytes: idle {m.IdleKib} KiB, peak {m.PeakKib} KiB, above idle {m.AboveIdleKib} KiB "
            + $"= {m.TimesMessage:F2} x message, {m.BytesOut} bytes out");

    public void Cpu(LoadResult sealedRun, LoadResult passRun)
    {
        var floor = passRun.CpuMsPerMessage + costs.CpuMs;
        Judge($"cpu      {sealedRun.Clients} client(s): sealed {sealedRun.CpuMsPerMessage:F3} ms vs pass-through {passRun.CpuMsPerMessage:F3} + unavoidable {costs.CpuMs:F3} = {floor:F3} ms",
            sealedRun.CpuMsPerMessage / floor, CpuTarget);
    }

    public void Latency(LoadResult sealedRun, LoadResult passRun, bool judged = true)
    {
        var addedP50 = sealedRun.LatencyMs(0.50) - passRun.LatencyMs(0.50);
        var addedP99 = sealedRun.LatencyMs(0.99) - passRun.LatencyMs(0.99);
        var label = $"latency  {sealedRun.Clients} client(s):";
        if (!judged)
        {
            Console.WriteLine($"{label} added p50 {addedP50:F3} ms ({addedP50 / costs.WallMs:F2} x {costs.WallMs:F3} ms), added p99 {addedP99:F3} ms (not judged: 8 clients queue on 2 cores)");
            return;
        }

        Judge($"{label} added p50 {addedP50:F3} ms vs signatures + AES + base64 {costs.WallMs:F3} ms", addedP50 / costs.WallMs, LatencyTarget);
        Judge($"{label} added p99", addedP99, P99TargetMs, unit: " ms");
    }

    public void PeakMemory(MemoryResult m) =>
        Judge($"memory   sealed {m.MessageBytes} bytes: above idle {m.AboveIdleKib} KiB", m.TimesMessage, MemoryTarget);

    private void Judge(string text, double value, double target, string unit = " x")
    {
        var pass = value <= target;
        Failed |= !pass;
        Console.WriteLine($"{text}  {(unit == " x" ? "ratio " : "")}{value:F2}{unit} (target <= {target}{unit})  {(pass ? "PASS" : "FAIL")}");
    }

    private static string Describe(Cost cost) => $"{cost.CpuMs:F3} ms CPU / {cost.WallMs:F3} ms wall";
}
