namespace Mailseal.GatewayBench;

/// <summary>One operation's cost: CPU time per operation and its median wall time, in milliseconds.</summary>
internal sealed record Cost(double CpuMs, double WallMs);
