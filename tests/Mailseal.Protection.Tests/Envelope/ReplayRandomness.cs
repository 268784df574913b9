using System.Security.Cryptography;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;

namespace Mailseal.Protection.Tests.Envelope;

/// <summary>
/// The worked example's fixed random values. RSA-OAEP and RSA-PSS are randomised inside the platform, so
/// the wrapped key and signature are replayed from the documented envelope, each only after checking that
/// it really is the OAEP wrap of the fixed content key and a valid PSS signature of the license the sealer
/// just wrote. When no documented envelope is given, real OAEP and PSS are used.
/// </summary>
internal sealed class ReplayRandomness(byte[]? documentedWrappedKey, byte[]? documentedSignature) : SealingRandomness
{
    public override void FillContentKey(Span<byte> key) => WorkedExample.ContentKey.CopyTo(key);

    public override void FillNoncePrefix(Span<byte> prefix) => WorkedExample.NoncePrefix.CopyTo(prefix);

    public override void FillEnvelopeId(Span<byte> id) => WorkedExample.EnvelopeId.CopyTo(id);

    public override byte[] WrapContentKey(RSA wrappingKey, ReadOnlySpan<byte> contentKey, CryptoSuite suite)
    {
        if (documentedWrappedKey is null)
        {
            return base.WrapContentKey(wrappingKey, contentKey, suite);
        }

        Assert.Equal(contentKey.ToArray(), WorkedExample.Wrapping.Decrypt(documentedWrappedKey, suite.WrapPadding));
        return documentedWrappedKey;
    }

    public override byte[] SignLicense(RSA signingKey, byte[] license, CryptoSuite suite)
    {
        if (documentedSignature is null)
        {
            return base.SignLicense(signingKey, license, suite);
        }

        Assert.True(signingKey.VerifyData(license, documentedSignature, suite.Hash, suite.SignaturePadding));
        return documentedSignature;
    }
}
