namespace Mailseal.Gateway.Front;

/// <summary>Settings of the SMTP/LMTP front, bound from the "Gateway" configuration section and validated at start.</summary>
public sealed class GatewayFrontOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Name in the banner and the EHLO/LHLO reply; defaults to the machine name.</summary>
    public string Hostname { get; set; } = Environment.MachineName;

    public IList<ListenerOptions> Listeners { get; } = [];

    /// <summary>
    /// Largest message accepted, counted on the bytes read (after dot-unstuffing). 36 MiB by default: above the
    /// 25 MB that is sealed, because mail that passes unsealed may be bigger.
    /// </summary>
    public long MaxMessageBytes { get; set; } = 36L * 1024 * 1024;

    /// <summary>Longest command or text line, CRLF included (RFC 5321 §4.5.3.1: 1000).</summary>
    public int MaxLineLength { get; set; } = 1000;

    /// <summary>
    /// Largest header field (its first line and folded continuation lines), like Postfix's header_size_limit
    /// (102400). The header block as a whole is bounded by <see cref="MaxMessageBytes"/>.
    /// </summary>
    public int MaxHeaderBytes { get; set; } = 102_400;

    /// <summary>Most recipients per transaction; the next RCPT gets 452 4.5.3.</summary>
    public int MaxRecipients { get; set; } = 1000;

    /// <summary>Client networks (CIDR) allowed to relay; loopback by default. A configured list replaces the default.</summary>
    public IList<string> RelayNetworks { get; set; } = [];

    public TlsCertificateOptions Tls { get; set; } = new();

    public SubmissionCredentialsOptions Submission { get; set; } = new();

    /// <summary>How long the front waits for a command line (RFC 5321 §4.5.3.2 suggests 5 minutes).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the front waits for each read of message data (RFC 5321 §4.5.3.2: 3 minutes).</summary>
    public TimeSpan DataTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Connections served at once over all listeners; one more gets 421 4.7.0 and is closed.</summary>
    public int MaxConnections { get; set; } = 200;

    /// <summary>How long a stop waits for transactions in flight before closing their connections.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> EffectiveRelayNetworks =>
        RelayNetworks.Count == 0 ? ["127.0.0.0/8", "::1/128"] : RelayNetworks;
}
