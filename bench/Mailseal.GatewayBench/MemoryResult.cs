namespace Mailseal.GatewayBench;

/// <summary>A fresh gateway's resident size when idle (warmed up) and its peak after one large message.</summary>
internal sealed record MemoryResult(long IdleKib, long PeakKib, long MessageBytes, long BytesOut)
{
    public long AboveIdleKib => PeakKib - IdleKib;

    public double TimesMessage => AboveIdleKib * 1024.0 / MessageBytes;
}
