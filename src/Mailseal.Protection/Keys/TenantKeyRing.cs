using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Core.Tenancy;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Protection.Keys;

/// <summary>
/// <see cref="ITenantKeyRing"/> over the key store. Key objects are built once per key id and kept for the
/// life of the process; which keys are active is re-read at most every <see cref="ActiveKeysRefreshInterval"/>,
/// so a rotation made by another node or by the command line takes effect without a restart.
/// </summary>
public sealed partial class TenantKeyRing : ITenantKeyRing, IDisposable
{
    public static readonly TimeSpan ActiveKeysRefreshInterval = TimeSpan.FromSeconds(10);

    private readonly IKeyStore _keys;
    private readonly ITenantStore _tenants;
    private readonly KeyProtector _protector;
    private readonly ProtectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TenantKeyRing> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedKey?>>> _loaded = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private (SealingKeys Keys, long LoadedAt)? _sealing;
    private Guid? _tenantId;

    public TenantKeyRing(
        IKeyStore keys,
        ITenantStore tenants,
        KeyProtector protector,
        IOptions<ProtectionOptions> options,
        TimeProvider time,
        ILogger<TenantKeyRing> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _tenants = tenants;
        _protector = protector;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<Guid> GetTenantIdAsync(CancellationToken cancellationToken = default)
    {
        if (_tenantId is { } known)
        {
            return known;
        }

        var tenant = await _tenants.GetAsync(cancellationToken)
            ?? throw new SealingRefusedException(SealingRefusalReason.NoActiveKeys, "This Mailseal has no tenant yet: run `mailseal keys new`.");
        _tenantId = tenant.Id;
        return tenant.Id;
    }

    public async ValueTask<SealingKeys> GetSealingKeysAsync(CancellationToken cancellationToken = default)
    {
        if (_sealing is { } cached && _time.GetElapsedTime(cached.LoadedAt) < ActiveKeysRefreshInterval)
        {
            return cached.Keys;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (_sealing is { } fresh && _time.GetElapsedTime(fresh.LoadedAt) < ActiveKeysRefreshInterval)
            {
                return fresh.Keys;
            }

            var keys = await LoadSealingKeysAsync(cancellationToken);
            _sealing = (keys, _time.GetTimestamp());
            return keys;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public async ValueTask<TenantPublicKey?> FindVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        await LoadAsync(keyId, KeyPurpose.LicenseSigning, cancellationToken) is { Rsa: { } rsa } loaded
            ? new TenantPublicKey(keyId, loaded.Record.Mode, rsa)
            : null;

    public async ValueTask<TenantPrivateKey?> FindUnwrappingKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        await LoadAsync(keyId, KeyPurpose.ContentKeyWrapping, cancellationToken) is { Rsa: { } rsa } loaded
            ? new TenantPrivateKey(keyId, loaded.Record.Mode, rsa)
            : null;

    public async ValueTask<byte[]?> FindRecipientHashSecretAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(keyId, KeyPurpose.RecipientHashing, cancellationToken))?.Secret;

    /// <summary>Forgets which keys are active, so the next sealing re-reads them (after a rotation here).</summary>
    public void InvalidateActiveKeys() => _sealing = null;

    public void Dispose() => _refreshLock.Dispose();

    private async Task<SealingKeys> LoadSealingKeysAsync(CancellationToken cancellationToken)
    {
        var tenantId = await GetTenantIdAsync(cancellationToken);
        var all = await _keys.ListAsync(cancellationToken);
        var wrapping = ActiveKey(all, KeyPurpose.ContentKeyWrapping);
        var signing = ActiveKey(all, KeyPurpose.LicenseSigning);
        var hashing = ActiveKey(all, KeyPurpose.RecipientHashing);
        if (wrapping.Mode != signing.Mode)
        {
            throw new SealingRefusedException(
                SealingRefusalReason.MixedCryptoModes,
                $"The active wrapping key {wrapping.Id} and signing key {signing.Id} are of different crypto modes: rotate them together.");
        }

        var suite = CryptoSuite.For(signing.Mode, _options.AllowLegacyMode1);
        if (suite.Mode == CryptoMode.Mode1)
        {
            LogLegacyModeInUse(_logger, LegacyCryptoMode1.Warning);
        }

        var wrappingKey = await LoadAsync(wrapping.Id, KeyPurpose.ContentKeyWrapping, cancellationToken);
        var signingKey = await LoadAsync(signing.Id, KeyPurpose.LicenseSigning, cancellationToken);
        var hashKey = await LoadAsync(hashing.Id, KeyPurpose.RecipientHashing, cancellationToken);
        return new SealingKeys(tenantId, suite.Mode, wrapping.Id, wrappingKey!.Rsa!, signing.Id, signingKey!.Rsa!, hashing.Id, hashKey!.Secret!);
    }

    private static KeyRecord ActiveKey(IReadOnlyList<KeyRecord> all, KeyPurpose purpose) =>
        all.Where(k => k.Purpose == purpose && !k.IsRetired).MaxBy(k => k.CreatedAt)
        ?? throw new SealingRefusedException(
            SealingRefusalReason.NoActiveKeys,
            $"There is no active {KeyNames.Describe(purpose)} key: run `mailseal keys new` or `mailseal keys rotate`.");

    private async Task<LoadedKey?> LoadAsync(string keyId, KeyPurpose purpose, CancellationToken cancellationToken)
    {
        var lazy = _loaded.GetOrAdd(keyId, id => new Lazy<Task<LoadedKey?>>(() => BuildAsync(id, cancellationToken)));
        try
        {
            var loaded = await lazy.Value;
            if (loaded is null)
            {
                // Unknown here today may be imported tomorrow: don't remember absence.
                _loaded.TryRemove(new KeyValuePair<string, Lazy<Task<LoadedKey?>>>(keyId, lazy));
            }

            return loaded?.Record.Purpose == purpose ? loaded : null;
        }
        catch
        {
            // A failed load (store down, cancelled) must not stay cached; the caller sees the failure.
            _loaded.TryRemove(new KeyValuePair<string, Lazy<Task<LoadedKey?>>>(keyId, lazy));
            throw;
        }
    }

    private async Task<LoadedKey?> BuildAsync(string keyId, CancellationToken cancellationToken)
    {
        var record = await _keys.FindAsync(keyId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var secret = _protector.Unprotect(record);
        if (record.Purpose == KeyPurpose.RecipientHashing)
        {
            return new LoadedKey(record, null, secret);
        }

        try
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(secret, out _);
            return new LoadedKey(record, rsa, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogLegacyModeInUse(ILogger logger, string warning);

    /// <summary>A key built once: an RSA object for RSA purposes, the secret for recipient hashing.</summary>
    private sealed record LoadedKey(KeyRecord Record, RSA? Rsa, byte[]? Secret);
}
