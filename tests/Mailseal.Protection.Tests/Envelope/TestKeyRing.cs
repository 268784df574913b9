using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>An in-memory key ring: generations of keys, one of them active for sealing.</summary>
internal sealed class TestKeyRing : ITenantKeyRing
{
    private readonly Dictionary<string, TenantPublicKey> _verificationKeys = [];
    private readonly Dictionary<string, TenantPrivateKey> _unwrappingKeys = [];
    private readonly Dictionary<string, byte[]> _secrets = [];

    public TestKeyRing(Guid tenantId)
    {
        TenantId = tenantId;
    }

    public Guid TenantId { get; }

    public SealingKeys? Active { get; private set; }

    /// <summary>A ring for a fresh tenant with generation "a" of <paramref name="mode"/> active.</summary>
    public static TestKeyRing Create(CryptoMode mode = CryptoMode.Mode2) =>
        new TestKeyRing(Guid.NewGuid()).AddGeneration("a", mode);

    /// <summary>Adds wrap-X, sign-X and rh-X from the shared key cache and makes them the sealing keys.</summary>
    public TestKeyRing AddGeneration(string name, CryptoMode mode = CryptoMode.Mode2)
    {
        var pair = TestKeys.Generation(name, mode);
        return Add($"wrap-{name}", $"sign-{name}", $"rh-{name}", mode, pair.Wrapping, pair.Signing, pair.RecipientSecret);
    }

    public TestKeyRing Add(
        string wrappingKeyId, string signingKeyId, string recipientHashKeyId, CryptoMode mode, RSA wrapping, RSA signing, byte[] secret)
    {
        _verificationKeys[signingKeyId] = new TenantPublicKey(signingKeyId, mode, signing);
        _unwrappingKeys[wrappingKeyId] = new TenantPrivateKey(wrappingKeyId, mode, wrapping);
        _secrets[recipientHashKeyId] = secret;
        Active = new SealingKeys(TenantId, mode, wrappingKeyId, wrapping, signingKeyId, signing, recipientHashKeyId, secret);
        return this;
    }

    /// <summary>Copies every key of <paramref name="other"/> into this ring without changing the active keys.</summary>
    public TestKeyRing Trust(TestKeyRing other, bool signing = true, bool wrapping = true)
    {
        foreach (var (id, key) in other._verificationKeys.Where(_ => signing))
        {
            _verificationKeys[id] = key;
        }

        foreach (var (id, key) in other._unwrappingKeys.Where(_ => wrapping))
        {
            _unwrappingKeys[id] = key;
        }

        foreach (var (id, secret) in other._secrets)
        {
            _secrets[id] = secret;
        }

        return this;
    }

    public ValueTask<SealingKeys> GetSealingKeysAsync(CancellationToken cancellationToken = default) =>
        Active is { } keys
            ? ValueTask.FromResult(keys)
            : throw new SealingRefusedException(SealingRefusalReason.NoActiveKeys, "No active keys.");

    public ValueTask<Guid> GetTenantIdAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(TenantId);

    public ValueTask<TenantPublicKey?> FindVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_verificationKeys.GetValueOrDefault(keyId));

    public ValueTask<TenantPrivateKey?> FindUnwrappingKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_unwrappingKeys.GetValueOrDefault(keyId));

    public ValueTask<byte[]?> FindRecipientHashSecretAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_secrets.GetValueOrDefault(keyId));
}
