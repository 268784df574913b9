using System.Security.Cryptography;
using Mailseal.Core.Keys;

namespace Mailseal.Storage.Tests.Infrastructure;

/// <summary>Key records with random bytes, and a field-by-field comparison (records compare arrays by reference).</summary>
internal static class TestKeys
{
    public static KeyRecord Create(string id, DateTimeOffset createdAt, KeyPurpose purpose = KeyPurpose.LicenseSigning) =>
        new(id, purpose, CryptoMode.Mode2, 2048, createdAt, null,
            RandomNumberGenerator.GetBytes(294), RandomNumberGenerator.GetBytes(1232), "kek-0123456789abcdef");

    public static void AssertSame(KeyRecord expected, KeyRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Purpose, actual.Purpose);
        Assert.Equal(expected.Mode, actual.Mode);
        Assert.Equal(expected.KeySizeBits, actual.KeySizeBits);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.RetiredAt, actual.RetiredAt);
        Assert.Equal(expected.PublicKey, actual.PublicKey);
        Assert.Equal(expected.ProtectedSecret, actual.ProtectedSecret);
        Assert.Equal(expected.KekId, actual.KekId);
    }
}
