using System.Net;

namespace Mailseal.Admin;

/// <summary>
/// The "Admin" section: where the admin API listens, its certificate, and which client networks may call it.
/// TLS is required when the listener is not on a loopback address. See docs/admin-api.md.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Address and port of the admin listener, e.g. "127.0.0.1:5081" or "[::1]:5081".</summary>
    public string Listen { get; set; } = "127.0.0.1:5081";

    public AdminTlsOptions Tls { get; set; } = new();

    /// <summary>Client networks in CIDR form; an empty list means loopback only.</summary>
    public IList<string> AllowedNetworks { get; set; } = [];

    /// <summary>Wrong API keys a client address may send within <see cref="FailedKeyWindow"/> before it gets 429.</summary>
    public int FailedKeyLimit { get; set; } = 10;

    /// <summary>The window in which <see cref="FailedKeyLimit"/> counts; a refused address may try again when it ends.</summary>
    public TimeSpan FailedKeyWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Enough for a 64 MiB message to transport-rules/test in base64.</summary>
    public long MaxRequestBodyBytes { get; set; } = 96L * 1024 * 1024;

    internal static readonly string[] LoopbackNetworks = ["127.0.0.0/8", "::1/128"];

    internal IPEndPoint ListenEndPoint => IPEndPoint.Parse(Listen);

    internal IReadOnlyList<IPNetwork> ParsedAllowedNetworks =>
        [.. (AllowedNetworks.Count == 0 ? LoopbackNetworks : AllowedNetworks).Select(n => IPNetwork.Parse(n))];
}
