using System.ComponentModel.DataAnnotations;
using Mailseal.Portal.Hosting;

namespace Mailseal.Portal;

/// <summary>Settings of the web portal, bound from the "Portal" section and validated at start (docs/portal.md).</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>
    /// The address recipients use, e.g. https://portal.example.org/. Links in mail, message.html's form action and
    /// the same-origin check are built from it, never from the request's Host header. It is also the value of
    /// Protection:PortalUrl, which follows it.
    /// </summary>
    [Required]
    public Uri PublicUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>Where Kestrel listens, as address:port; the embedded default is loopback only.</summary>
    [Required]
    public string Listen { get; set; } = "127.0.0.1:5080";

    /// <summary>The HTTPS certificate; without one the portal speaks plain http (behind a TLS proxy, or for trying out).</summary>
    public PortalCertificateOptions Certificate { get; set; } = new();

    /// <summary>Proxies (IP addresses) whose X-Forwarded-For and X-Forwarded-Proto are believed; no other's are.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>A session ends after this long without a request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionAbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long an arrival waits for the recipient to sign in.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PreSessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest request body of an arrival (form data of POST /envelope or the upload of GET /open).</summary>
    [Range(1024, 1L << 31)]
    public long MaxArrivalBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>Largest sealed envelope accepted (a 25 MB message seals to a little over 25 MB).</summary>
    [Range(1024, 1L << 31)]
    public long MaxEnvelopeBytes { get; set; } = 27L * 1024 * 1024;

    /// <summary>Largest request body of any other portal request.</summary>
    [Range(1024, 1L << 31)]
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>The most bytes of sealed envelopes the shared cache holds at once; arrivals past it are refused until entries expire.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long EnvelopeCacheMaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Arrivals accepted from one client address per <see cref="ArrivalRateWindow"/>.</summary>
    [Range(1, 100_000)]
    public int ArrivalsPerClient { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ArrivalRateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether the public URL is https: then cookies are __Host- and Secure, and HSTS is sent.</summary>
    public bool IsHttps => PublicUrl.Scheme == Uri.UriSchemeHttps;

    /// <summary>The public URL's path without its last '/' ("" at the root): the portal's PathBase, e.g. "/secure".</summary>
    public string BasePath => PublicUrl.AbsolutePath.TrimEnd('/');
}
