using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;

namespace Mailseal.Protection.Tests.Keys;

public sealed class KeyProtectorTests
{
    private static readonly KeyEncryptionKey Kek = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Unprotect_WhatWasProtected_ReturnsTheSecret()
    {
        var protector = new KeyProtector(Kek);
        var secret = RandomNumberGenerator.GetBytes(1200);

        var record = Record("sign-1", KeyPurpose.LicenseSigning, protector.Protect("sign-1", KeyPurpose.LicenseSigning, secret), Kek.Id);

        Assert.Equal(secret, protector.Unprotect(record));
    }

    [Fact]
    public void Protect_SameSecretTwice_NeverTheSameBytesAndNeverTheSecretInClear()
    {
        var protector = new KeyProtector(Kek);
        var secret = RandomNumberGenerator.GetBytes(64);

        var first = protector.Protect("rh-1", KeyPurpose.RecipientHashing, secret);
        var second = protector.Protect("rh-1", KeyPurpose.RecipientHashing, secret);

        Assert.NotEqual(first, second);
        Assert.Equal(-1, first.AsSpan().IndexOf(secret.AsSpan(0, 16)));
    }

    [Fact]
    public void Unprotect_UnderAnotherKek_ThrowsNamingBothKeks()
    {
        var other = new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32));
        var sealedSecret = new KeyProtector(other).Protect("wrap-1", KeyPurpose.ContentKeyWrapping, [1, 2, 3]);

        var error = Assert.Throws<KeyUnavailableException>(
            () => new KeyProtector(Kek).Unprotect(Record("wrap-1", KeyPurpose.ContentKeyWrapping, sealedSecret, other.Id)));

        Assert.Contains(other.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains(Kek.Id, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrap-2", KeyPurpose.ContentKeyWrapping)]
    [InlineData("wrap-1", KeyPurpose.LicenseSigning)]
    public void Unprotect_SecretMovedToAnotherIdOrPurpose_Throws(string id, KeyPurpose purpose)
    {
        var protector = new KeyProtector(Kek);
        var sealedSecret = protector.Protect("wrap-1", KeyPurpose.ContentKeyWrapping, [9, 9, 9]);

        Assert.Throws<KeyUnavailableException>(() => protector.Unprotect(Record(id, purpose, sealedSecret, Kek.Id)));
    }

    [Fact]
    public void Unprotect_FlippedByte_Throws()
    {
        var protector = new KeyProtector(Kek);
        var sealedSecret = protector.Protect("sign-1", KeyPurpose.LicenseSigning, [1, 2, 3, 4]);
        sealedSecret[^1] ^= 1;

        Assert.Throws<KeyUnavailableException>(() => protector.Unprotect(Record("sign-1", KeyPurpose.LicenseSigning, sealedSecret, Kek.Id)));
    }

    private static KeyRecord Record(string id, KeyPurpose purpose, byte[] sealedSecret, string kekId) =>
        new(id, purpose, CryptoMode.Mode2, 2048, DateTimeOffset.UnixEpoch, null, [], sealedSecret, kekId);
}
