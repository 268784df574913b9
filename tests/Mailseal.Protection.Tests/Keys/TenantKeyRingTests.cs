using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Tests.Keys;

public sealed class TenantKeyRingTests
{
    [Fact]
    public async Task GetSealingKeys_NoKeys_RefusedWithNoActiveKeys()
    {
        await using var harness = await KeyHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => harness.Ring.GetSealingKeysAsync().AsTask());

        Assert.Equal(SealingRefusalReason.NoActiveKeys, error.Reason);
    }

    [Fact]
    public async Task GetSealingKeys_ActiveWrappingKeyRetired_RefusedRatherThanAnOlderKey()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        var wrapping = (await harness.Ring.GetSealingKeysAsync()).WrappingKeyId;
        await harness.Manager.RetireAsync(wrapping);
        harness.Ring.InvalidateActiveKeys();

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => harness.Ring.GetSealingKeysAsync().AsTask());

        Assert.Equal(SealingRefusalReason.NoActiveKeys, error.Reason);
    }

    [Fact]
    public async Task GetSealingKeys_WrappingAndSigningOfDifferentModes_Refused()
    {
        await using var harness = await KeyHarness.CreateAsync(allowLegacyMode1: true);
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        await harness.Manager.RotateAsync([KeyPurpose.LicenseSigning], CryptoMode.Mode1, null);

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => harness.Ring.GetSealingKeysAsync().AsTask());

        Assert.Equal(SealingRefusalReason.MixedCryptoModes, error.Reason);
    }

    [Fact]
    public async Task GetSealingKeys_Twice_SameCachedKeyObjects()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);

        var first = await harness.Ring.GetSealingKeysAsync();
        harness.Ring.InvalidateActiveKeys();
        var second = await harness.Ring.GetSealingKeysAsync();

        Assert.Same(first.SigningPrivateKey, second.SigningPrivateKey);
        Assert.Same(first.WrappingPublicKey, second.WrappingPublicKey);
    }

    [Fact]
    public async Task GetSealingKeys_AfterRotationElsewhere_PicksUpTheNewKey()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        var before = await harness.Ring.GetSealingKeysAsync();

        var rotated = await harness.Manager.RotateAsync([KeyPurpose.LicenseSigning], CryptoMode.Mode2, null);
        using var otherNode = harness.NewRing(harness.Kek);

        Assert.Equal(rotated.Single().Id, (await otherNode.GetSealingKeysAsync()).SigningKeyId);
        Assert.NotEqual(before.SigningKeyId, rotated.Single().Id);
    }

    [Fact]
    public async Task FindKeys_UnknownIdOrWrongPurpose_Null()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        var sealing = await harness.Ring.GetSealingKeysAsync();

        Assert.Null(await harness.Ring.FindUnwrappingKeyAsync("wrap-unknown"));
        Assert.Null(await harness.Ring.FindUnwrappingKeyAsync(sealing.SigningKeyId));
        Assert.Null(await harness.Ring.FindVerificationKeyAsync(sealing.WrappingKeyId));
        Assert.Null(await harness.Ring.FindRecipientHashSecretAsync(sealing.SigningKeyId));
        Assert.Equal(sealing.RecipientHashSecret, await harness.Ring.FindRecipientHashSecretAsync(sealing.RecipientHashKeyId));
    }

    [Fact]
    public async Task GetSealingKeys_NodeWithAnotherKek_KeyUnavailable()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        using var wrongNode = harness.NewRing(new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32)));

        await Assert.ThrowsAsync<KeyUnavailableException>(() => wrongNode.GetSealingKeysAsync().AsTask());
    }
}
