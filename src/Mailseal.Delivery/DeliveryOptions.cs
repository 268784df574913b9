namespace Mailseal.Delivery;

/// <summary>Where and how outbound mail goes, bound from the "Delivery" configuration section.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>The folder name under the data folder used when <see cref="PickupDirectory"/> is not set.</summary>
    public const string DefaultPickupFolderName = "outbox";

    /// <summary>
    /// The next hop as host:port (port 25 when omitted; IPv6 as [::1]:25). When absent, mail is written to
    /// <see cref="PickupDirectory"/> instead.
    /// </summary>
    public string? NextHop { get; set; }

    public TlsPolicy TlsPolicy { get; set; } = TlsPolicy.Opportunistic;

    /// <summary>Check the next hop's certificate chain and name. Turn off only for a next hop on loopback or with a self-signed certificate.</summary>
    public bool ValidateCertificate { get; set; } = true;

    /// <summary>The name given in EHLO; the machine's host name when not set.</summary>
    public string? HeloName { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for one reply or one write; the connection is then given up as a transient failure.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for the next hop's reply to the final ".", which may run its own checks first.</summary>
    public TimeSpan DataReplyTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Cap on one whole delivery; well within Postfix's 600 s data timeout so the caller can still answer.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Most connections open to the next hop at once (idle ones are kept for reuse).</summary>
    public int PoolSize { get; set; } = 4;

    /// <summary>An idle connection older than this is closed instead of reused.</summary>
    public TimeSpan MaxIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The user name for AUTH PLAIN at the next hop (the portal uses it for the gateway's Submission listener).
    /// No AUTH when not set. Credentials are sent only over TLS, or in clear to a next hop on loopback.
    /// </summary>
    public string? UserName { get; set; }

    /// <summary>The password for AUTH PLAIN; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The pickup folder; &lt;Storage:DataDirectory&gt;/outbox when not set.</summary>
    public string? PickupDirectory { get; set; }
}
