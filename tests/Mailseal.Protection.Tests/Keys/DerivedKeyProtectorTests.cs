using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;

namespace Mailseal.Protection.Tests.Keys;

public sealed class DerivedKeyProtectorTests
{
    private static readonly KeyEncryptionKey Kek = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Unprotect_WhatWasProtected_ReturnsItAndNeverTheSameBytesTwice()
    {
        var protector = new DerivedKeyProtector(Kek, "purpose a");
        var secret = RandomNumberGenerator.GetBytes(300);

        var first = protector.Protect(secret);
        var second = protector.Protect(secret);

        Assert.Equal(secret, protector.Unprotect(first));
        Assert.NotEqual(first, second);
        Assert.Equal(-1, first.AsSpan().IndexOf(secret.AsSpan(0, 16)));
        Assert.Equal(Kek.Id, protector.KekId);
    }

    [Fact]
    public void Unprotect_OtherPurposeOtherKekOrTheKekItself_Throws()
    {
        var sealedValue = new DerivedKeyProtector(Kek, "purpose a").Protect([1, 2, 3]);
        var otherKek = new KeyEncryptionKey(RandomNumberGenerator.GetBytes(32));

        Assert.ThrowsAny<CryptographicException>(() => new DerivedKeyProtector(Kek, "purpose b").Unprotect(sealedValue));
        Assert.ThrowsAny<CryptographicException>(() => new DerivedKeyProtector(otherKek, "purpose a").Unprotect(sealedValue));
        // The derived key is not the KEK: the KEK's own protector cannot open it under any key record.
        var record = new KeyRecord("x", KeyPurpose.LicenseSigning, CryptoMode.Mode2, 2048, DateTimeOffset.UnixEpoch, null, [], sealedValue, Kek.Id);
        Assert.Throws<KeyUnavailableException>(() => new KeyProtector(Kek).Unprotect(record));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(-1)]
    public void Unprotect_AnyByteChanged_Throws(int index)
    {
        var protector = new DerivedKeyProtector(Kek, "purpose a");
        var sealedValue = protector.Protect([1, 2, 3, 4, 5]);
        sealedValue[index < 0 ? sealedValue.Length + index : index] ^= 0x40;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(sealedValue));
    }
}
