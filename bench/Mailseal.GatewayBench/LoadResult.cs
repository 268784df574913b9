namespace Mailseal.GatewayBench;

/// <summary>What one load phase measured: wall time, the gateway's CPU, each message's latency, and what reached the sink.</summary>
internal sealed record LoadResult(int Clients, int Messages, TimeSpan Wall, double GatewayCpuSeconds, double[] SortedLatenciesMs, long SinkBytes)
{
    public double MessagesPerSecond => Messages / Wall.TotalSeconds;

    public double MessagesPerCpuSecond => Messages / GatewayCpuSeconds;

    public double CpuMsPerMessage => GatewayCpuSeconds * 1000 / Messages;

    public double BytesPerMessageOut => (double)SinkBytes / Messages;

    /// <summary>The latency below which <paramref name="fraction"/> of the messages were answered (nearest rank).</summary>
    public double LatencyMs(double fraction) =>
        SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(fraction * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];
}
