namespace Mailseal.GatewayBench;

/// <summary>
/// Peak memory for one large message: a fresh gateway, warmed up with small messages, its resident size taken
/// when idle, then one large message, then its peak resident size (VmHWM) — the gateway's alone.
/// </summary>
internal static class MemoryPhase
{
    private const int WarmUpMessages = 50;

    public static async Task<MemoryResult> RunAsync(BenchOptions options, string dataDirectory, RawSink sink, byte[] warmUpPayload,
        byte[] largePayload, long largeBytes, string logName)
    {
        using var gateway = await GatewayProcess.StartAsync(options.Cli, dataDirectory, sink.Port, Path.Combine(options.Logs, logName));
        await LoadPhase.RunAsync(gateway, sink, warmUpPayload, 1, WarmUpMessages);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var idle = gateway.ResidentKib();
        var result = await LoadPhase.RunAsync(gateway, sink, largePayload, 1, 1);
        return new MemoryResult(idle, gateway.PeakResidentKib(), largeBytes, result.SinkBytes);
    }
}
