using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Core.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Protection.Keys;

/// <summary>
/// Makes, rotates, retires and imports tenant keys. Rotation retires the active key of that purpose from
/// sealing and keeps it for unsealing; nothing here ever deletes a key.
/// </summary>
public sealed partial class KeyManager
{
    private const int RecipientHashSecretBytes = 32;

    private static readonly KeyPurpose[] AllPurposes =
        [KeyPurpose.ContentKeyWrapping, KeyPurpose.LicenseSigning, KeyPurpose.RecipientHashing];

    private readonly IKeyStore _keys;
    private readonly ITenantStore _tenants;
    private readonly KeyProtector _protector;
    private readonly ProtectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KeyManager> _logger;

    public KeyManager(
        IKeyStore keys,
        ITenantStore tenants,
        KeyProtector protector,
        IOptions<ProtectionOptions> options,
        TimeProvider time,
        ILogger<KeyManager> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _tenants = tenants;
        _protector = protector;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The tenant, created on first use.</summary>
    public Task<Tenant> EnsureTenantAsync(string organizationName, CancellationToken cancellationToken = default) =>
        _tenants.GetOrCreateAsync(new Tenant(Guid.NewGuid(), organizationName, _time.GetUtcNow()), cancellationToken);

    public async Task<IReadOnlyList<KeyStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await _keys.ListAsync(cancellationToken);
        var active = AllPurposes
            .Select(p => all.Where(k => k.Purpose == p && !k.IsRetired).MaxBy(k => k.CreatedAt)?.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return all
            .OrderBy(k => k.Purpose).ThenBy(k => k.CreatedAt)
            .Select(k => new KeyStatus(k, active.Contains(k.Id)))
            .ToList();
    }

    /// <summary>True when every purpose has an active key.</summary>
    public async Task<bool> HasActiveKeysAsync(CancellationToken cancellationToken = default)
    {
        var statuses = await ListAsync(cancellationToken);
        return AllPurposes.All(p => statuses.Any(s => s.IsActive && s.Key.Purpose == p));
    }

    /// <summary>
    /// Creates the first key of each purpose. Refuses when keys already exist: that is a rotation.
    /// </summary>
    public async Task<IReadOnlyList<KeyRecord>> CreateInitialKeysAsync(
        string organizationName, CryptoMode mode, int? rsaKeySize, CancellationToken cancellationToken = default)
    {
        if ((await _keys.ListAsync(cancellationToken)).Count > 0)
        {
            throw new InvalidOperationException("This Mailseal already has keys: use `mailseal keys rotate` to replace them.");
        }

        await EnsureTenantAsync(organizationName, cancellationToken);
        return await RotateAsync(AllPurposes, mode, rsaKeySize, cancellationToken);
    }

    /// <summary>Makes a new active key for each purpose and retires the one it replaces.</summary>
    public async Task<IReadOnlyList<KeyRecord>> RotateAsync(
        IReadOnlyCollection<KeyPurpose> purposes, CryptoMode mode, int? rsaKeySize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        var suite = CryptoSuite.For(mode, _options.AllowLegacyMode1);
        var size = rsaKeySize ?? suite.DefaultKeySize;
        if (!suite.AllowedKeySizes.Contains(size))
        {
            throw new ArgumentOutOfRangeException(
                nameof(rsaKeySize), size, $"Crypto mode {(int)mode} allows RSA keys of {string.Join(", ", suite.AllowedKeySizes)} bits.");
        }

        var created = new List<KeyRecord>();
        foreach (var purpose in purposes.Distinct())
        {
            var record = purpose == KeyPurpose.RecipientHashing
                ? NewRecipientHashKey()
                : NewRsaKey(purpose, suite.Mode, size);
            await ReplaceActiveAsync(record, cancellationToken);
            created.Add(record);
        }

        return created;
    }

    /// <summary>Imports an RSA private key (from PEM or PKCS#12) as the new active key of its purpose.</summary>
    public async Task<KeyRecord> ImportAsync(KeyPurpose purpose, RSA key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (purpose == KeyPurpose.RecipientHashing)
        {
            throw new ArgumentException("Recipient-hash secrets are generated, not imported.", nameof(purpose));
        }

        var mode = key.KeySize == 1024 ? CryptoMode.Mode1 : CryptoMode.Mode2;
        var suite = CryptoSuite.For(mode, _options.AllowLegacyMode1);
        if (!suite.AllowedKeySizes.Contains(key.KeySize))
        {
            throw new ArgumentException($"An RSA key of {key.KeySize} bits is not allowed: use 2048, 3072 or 4096.", nameof(key));
        }

        var record = ToRecord(purpose, mode, key);
        await ReplaceActiveAsync(record, cancellationToken);
        return record;
    }

    /// <summary>Retires a key from sealing; it still unseals. Returns false when no such key exists.</summary>
    public Task<bool> RetireAsync(string keyId, CancellationToken cancellationToken = default) =>
        _keys.RetireAsync(keyId, _time.GetUtcNow(), cancellationToken);

    /// <summary>The public half of an RSA key as PEM (SubjectPublicKeyInfo).</summary>
    public static string ExportPublicPem(KeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.PublicKey.Length == 0)
        {
            throw new ArgumentException($"Key {key.Id} is a secret, it has no public half.", nameof(key));
        }

        return PemEncoding.WriteString("PUBLIC KEY", key.PublicKey);
    }

    private async Task ReplaceActiveAsync(KeyRecord replacement, CancellationToken cancellationToken)
    {
        var previous = (await _keys.ListAsync(cancellationToken))
            .Where(k => k.Purpose == replacement.Purpose && !k.IsRetired)
            .ToList();
        await _keys.AddAsync(replacement, cancellationToken);
        foreach (var old in previous)
        {
            await _keys.RetireAsync(old.Id, replacement.CreatedAt, cancellationToken);
        }

        LogKeyCreated(_logger, replacement.Id, replacement.Purpose, replacement.Mode, replacement.KeySizeBits);
        if (replacement.Mode == CryptoMode.Mode1)
        {
            LogLegacyKey(_logger, replacement.Id, LegacyCryptoMode1.Warning);
        }
    }

    private KeyRecord NewRsaKey(KeyPurpose purpose, CryptoMode mode, int size)
    {
        using var rsa = RSA.Create(size);
        return ToRecord(purpose, mode, rsa);
    }

    private KeyRecord ToRecord(KeyPurpose purpose, CryptoMode mode, RSA rsa)
    {
        var id = NewId(purpose);
        var privateKey = rsa.ExportPkcs8PrivateKey();
        try
        {
            return new KeyRecord(
                id, purpose, mode, rsa.KeySize, _time.GetUtcNow(), null,
                rsa.ExportSubjectPublicKeyInfo(), _protector.Protect(id, purpose, privateKey), _protector.KekId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private KeyRecord NewRecipientHashKey()
    {
        var id = NewId(KeyPurpose.RecipientHashing);
        var secret = RandomNumberGenerator.GetBytes(RecipientHashSecretBytes);
        try
        {
            return new KeyRecord(
                id, KeyPurpose.RecipientHashing, CryptoMode.Mode2, RecipientHashSecretBytes * 8, _time.GetUtcNow(), null,
                [], _protector.Protect(id, KeyPurpose.RecipientHashing, secret), _protector.KekId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private string NewId(KeyPurpose purpose) =>
        $"{KeyNames.IdPrefix(purpose)}-{_time.GetUtcNow():yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Created key {KeyId} ({Purpose}, {Mode}, {Bits} bits)")]
    private static partial void LogKeyCreated(ILogger logger, string keyId, KeyPurpose purpose, CryptoMode mode, int bits);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key {KeyId}: {Warning}")]
    private static partial void LogLegacyKey(ILogger logger, string keyId, string warning);
}
