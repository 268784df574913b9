using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mailseal.Core.Dkim;
using Microsoft.Extensions.Logging;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// The signing key of each domain, opened once and kept for a few minutes (opening costs more than signing),
/// so that a new key takes effect without a restart. A domain without a key is logged once at warning.
/// </summary>
public sealed partial class DkimSigningKeys
{
    /// <summary>How long a looked-up key (or its absence) is kept before the store is asked again.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    private readonly IDkimKeyStore _store;
    private readonly DkimKeyManager _manager;
    private readonly TimeProvider _time;
    private readonly ILogger<DkimSigningKeys> _logger;
    private readonly ConcurrentDictionary<string, (DkimSigningKey? Key, DateTimeOffset LoadedAt)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public DkimSigningKeys(IDkimKeyStore store, DkimKeyManager manager, TimeProvider time, ILogger<DkimSigningKeys> logger)
    {
        _store = store;
        _manager = manager;
        _time = time;
        _logger = logger;
    }

    /// <summary>The key that signs <paramref name="domain"/>, or null. A store failure throws: the caller answers 4xx.</summary>
    /// <remarks><paramref name="domain"/> is in <see cref="DkimDomain"/> normal form.</remarks>
    internal async Task<DkimSigningKey?> FindAsync(string domain, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(domain, out var cached) && now - cached.LoadedAt < CacheLifetime)
        {
            return cached.Key;
        }

        var stored = await _store.FindNewestAsync(domain, cancellationToken);
        var key = stored is null ? null : Open(stored);
        _cache[domain] = (key, now);
        if (key is null && _warned.TryAdd(domain, true))
        {
            LogNoKey(_logger, domain);
        }

        return key;
    }

    private DkimSigningKey Open(DkimKey stored)
    {
        var pkcs8 = _manager.OpenPrivateKey(stored);
        try
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return new DkimSigningKey(stored.Domain, stored.Selector, rsa);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No DKIM key for {Domain}: its mail leaves unsigned. Make one with `mailseal dkim new`.")]
    private static partial void LogNoKey(ILogger logger, string domain);
}
