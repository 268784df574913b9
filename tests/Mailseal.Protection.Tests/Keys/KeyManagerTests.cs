using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Tests.Keys;

public sealed class KeyManagerTests
{
    private static readonly KeyPurpose[] SigningOnly = [KeyPurpose.LicenseSigning];

    [Fact]
    public async Task CreateInitialKeys_NewStore_OneActiveMode2KeyPerPurpose()
    {
        await using var harness = await KeyHarness.CreateAsync();

        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);

        var statuses = await harness.Manager.ListAsync();
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.IsActive));
        Assert.All(statuses.Where(s => s.Key.Purpose != KeyPurpose.RecipientHashing), s => Assert.Equal(2048, s.Key.KeySizeBits));
        Assert.True(await harness.Manager.HasActiveKeysAsync());
        Assert.Equal("Contoso", (await harness.Storage.Tenants.GetAsync())!.Name);
    }

    [Fact]
    public async Task CreateInitialKeys_KeysExist_RefusesAndPointsToRotate()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null));

        Assert.Contains("rotate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_Signing_RetiresThePreviousAndKeepsIt()
    {
        await using var harness = await KeyHarness.CreateAsync();
        var first = await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        var oldSigning = first.Single(k => k.Purpose == KeyPurpose.LicenseSigning);

        var rotated = await harness.Manager.RotateAsync(SigningOnly, CryptoMode.Mode2, 3072);

        var statuses = await harness.Manager.ListAsync();
        var old = statuses.Single(s => s.Key.Id == oldSigning.Id);
        Assert.Equal("retired", old.State);
        Assert.Equal(3072, rotated.Single().KeySizeBits);
        Assert.True(statuses.Single(s => s.Key.Id == rotated.Single().Id).IsActive);
        Assert.NotNull(await harness.Ring.FindVerificationKeyAsync(oldSigning.Id));
    }

    [Fact]
    public async Task Rotate_Mode1WithoutLegacy_Refused()
    {
        await using var harness = await KeyHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<SealingRefusedException>(
            () => harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode1, null));

        Assert.Equal(SealingRefusalReason.LegacyModeDisabled, error.Reason);
        Assert.Empty(await harness.Storage.Keys.ListAsync());
    }

    [Fact]
    public async Task Rotate_Mode1WithLegacy_MakesRsa1024KeysWithAWarning()
    {
        await using var harness = await KeyHarness.CreateAsync(allowLegacyMode1: true);

        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode1, null);

        var rsaKeys = (await harness.Manager.ListAsync()).Where(s => s.Key.Purpose != KeyPurpose.RecipientHashing).ToList();
        Assert.All(rsaKeys, s => Assert.Equal(1024, s.Key.KeySizeBits));
        Assert.All(rsaKeys, s => Assert.Equal(LegacyCryptoMode1.Warning, s.Warning));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1536)]
    [InlineData(8192)]
    public async Task Rotate_KeySizeNotOfTheMode_Refused(int size)
    {
        await using var harness = await KeyHarness.CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Manager.RotateAsync(SigningOnly, CryptoMode.Mode2, size));
    }

    [Fact]
    public async Task Import_Rsa2048_BecomesActiveAndUnwrapsWithTheSameKey()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        using var external = RSA.Create(2048);

        var record = await harness.Manager.ImportAsync(KeyPurpose.ContentKeyWrapping, external);

        var sealing = await harness.Ring.GetSealingKeysAsync();
        Assert.Equal(record.Id, sealing.WrappingKeyId);
        var wrapped = external.Encrypt([1, 2, 3], RSAEncryptionPadding.OaepSHA256);
        var unwrapping = await harness.Ring.FindUnwrappingKeyAsync(record.Id);
        Assert.Equal([1, 2, 3], unwrapping!.Key.Decrypt(wrapped, RSAEncryptionPadding.OaepSHA256));
    }

    [Fact]
    public async Task Import_Rsa1024WithoutLegacy_Refused()
    {
        await using var harness = await KeyHarness.CreateAsync();
        using var weak = RSA.Create(1024);

        await Assert.ThrowsAsync<SealingRefusedException>(() => harness.Manager.ImportAsync(KeyPurpose.LicenseSigning, weak));
    }

    [Fact]
    public async Task Retire_UnknownKey_ReturnsFalse()
    {
        await using var harness = await KeyHarness.CreateAsync();

        Assert.False(await harness.Manager.RetireAsync("sign-none"));
    }

    [Fact]
    public async Task Store_HoldsNoPrivateKeyInClear()
    {
        await using var harness = await KeyHarness.CreateAsync();
        await harness.Manager.CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, null);
        var signingId = (await harness.Ring.GetSealingKeysAsync()).SigningKeyId;
        var signing = (await harness.Ring.FindVerificationKeyAsync(signingId))!.Key;
        var privateKey = signing.ExportPkcs8PrivateKey();

        var databaseBytes = await File.ReadAllBytesAsync(Path.Combine(harness.Storage.Options.FullDataDirectory, "mailseal.db"));

        Assert.Equal(-1, databaseBytes.AsSpan().IndexOf(privateKey.AsSpan(privateKey.Length - 64)));
    }
}
