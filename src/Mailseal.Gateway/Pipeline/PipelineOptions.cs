namespace Mailseal.Gateway.Pipeline;

/// <summary>Settings of the message pipeline: the "Gateway:Pipeline" section (docs/gateway.md).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Gateway:Pipeline";

    public NonOrdinaryMessageHandling NonOrdinaryMessages { get; set; } = NonOrdinaryMessageHandling.PassUnchanged;

    /// <summary>Seal an outbound answer in a thread the gateway sealed or unsealed, even when no rule matches.</summary>
    public bool KeepThreadsSealed { get; set; } = true;

    /// <summary>How long a sealed or unsealed Message-ID is remembered for the thread rule.</summary>
    public TimeSpan ThreadExpiry { get; set; } = TimeSpan.FromDays(180);

    /// <summary>More Received fields than this is a loop: 554 5.4.6 (Postfix's hopcount_limit is 50).</summary>
    public int MaxHops { get; set; } = 50;

    /// <summary>
    /// How long the organisation and the compiled rules are reused before they are read again: a change reaches a
    /// running gateway within this interval. Zero reads them for every message.
    /// </summary>
    public TimeSpan PolicyRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the traffic counters gathered in memory are written to the store (and at shutdown): a crash loses
    /// at most this interval of counts, never a message or the thread memory.
    /// </summary>
    public TimeSpan TrafficFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deeper MIME nesting is refused with 554 5.6.0 (Postfix's mime_nesting_limit is 100).</summary>
    public int MaxMimeDepth { get; set; } = 100;
}
