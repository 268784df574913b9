using System.Security.Cryptography;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>Real randomness and RSA, counting the RSA operations.</summary>
internal sealed class CountingRandomness : SealingRandomness
{
    public int Wraps { get; private set; }

    public int Signatures { get; private set; }

    public override byte[] WrapContentKey(RSA wrappingKey, ReadOnlySpan<byte> contentKey, CryptoSuite suite)
    {
        Wraps++;
        return base.WrapContentKey(wrappingKey, contentKey, suite);
    }

    public override byte[] SignLicense(RSA signingKey, byte[] license, CryptoSuite suite)
    {
        Signatures++;
        return base.SignLicense(signingKey, license, suite);
    }
}
