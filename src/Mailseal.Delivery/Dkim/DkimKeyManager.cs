using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Mailseal.Core.Dkim;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Microsoft.Extensions.Logging;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// Makes DKIM keys and opens their private halves. Private keys are sealed with the same
/// <see cref="KeyProtector"/> as the tenant keys, bound to "dkim:&lt;domain&gt;:&lt;selector&gt;" — a name no
/// tenant key id can take (they never contain ':') — so a sealed secret moved between records does not open.
/// </summary>
public sealed partial class DkimKeyManager
{
    public const int DefaultKeySize = 2048;

    /// <summary>RFC 8301 requires at least 1024 bits and recommends 2048; 4096 still fits in a TXT record.</summary>
    public static readonly IReadOnlyList<int> AllowedKeySizes = [1024, 2048, 3072, 4096];

    // The KeyProtector binds a purpose too; DKIM keys are signing keys and use that purpose with their own names.
    private const KeyPurpose SealingPurpose = KeyPurpose.LicenseSigning;

    private readonly IDkimKeyStore _store;
    private readonly KeyProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger<DkimKeyManager> _logger;

    public DkimKeyManager(IDkimKeyStore store, KeyProtector protector, TimeProvider time, ILogger<DkimKeyManager> logger)
    {
        _store = store;
        _protector = protector;
        _time = time;
        _logger = logger;
    }

    public Task<IReadOnlyList<DkimKey>> ListAsync(CancellationToken cancellationToken = default) => _store.ListAsync(cancellationToken);

    /// <summary>Makes and stores a new RSA key for <paramref name="domain"/>; from now on it signs that domain's mail.</summary>
    public async Task<DkimKey> CreateAsync(string domain, string selector, int keySizeBits = DefaultKeySize, CancellationToken cancellationToken = default)
    {
        domain = Check(domain, selector, keySizeBits);
        using var rsa = RSA.Create(keySizeBits);
        var privateKey = rsa.ExportPkcs8PrivateKey();
        try
        {
            var key = new DkimKey(domain, selector, _time.GetUtcNow(), keySizeBits, rsa.ExportSubjectPublicKeyInfo(),
                _protector.Protect(SecretName(domain, selector), SealingPurpose, privateKey), _protector.KekId);
            await _store.AddAsync(key, cancellationToken);
            LogCreated(_logger, domain, selector, keySizeBits);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for values <see cref="CreateAsync"/> refuses; returns the normalised domain.</summary>
    public static string Check(string domain, string selector, int keySizeBits)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(selector);
        var normalized = DkimDomain.Normalize(domain);
        if (normalized is null || !DomainPattern().IsMatch(normalized))
        {
            throw new ArgumentException($"'{domain}' is not a domain name.", nameof(domain));
        }

        if (!DomainPattern().IsMatch(selector))
        {
            throw new ArgumentException($"'{selector}' is not a DKIM selector (letters, digits, hyphens and dots).", nameof(selector));
        }

        if (!AllowedKeySizes.Contains(keySizeBits))
        {
            throw new ArgumentOutOfRangeException(nameof(keySizeBits), keySizeBits, $"DKIM keys may have {string.Join(", ", AllowedKeySizes)} bits.");
        }

        return normalized;
    }

    /// <summary>The private key as PKCS#8; throws <see cref="KeyUnavailableException"/> when it does not open. Zero it after use.</summary>
    public byte[] OpenPrivateKey(DkimKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var view = new KeyRecord(SecretName(key.Domain, key.Selector), SealingPurpose, CryptoMode.Mode2, key.KeySizeBits,
            key.CreatedAt, null, key.PublicKey, key.ProtectedPrivateKey, key.KekId);
        return _protector.Unprotect(view);
    }

    private static string SecretName(string domain, string selector) => $"dkim:{domain.ToLowerInvariant()}:{selector}";

    [GeneratedRegex("^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DomainPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Created DKIM key {Selector} for {Domain} ({Bits} bits)")]
    private static partial void LogCreated(ILogger logger, string domain, string selector, int bits);
}
