using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailseal.Delivery.Dkim;

/// <summary>
/// rsa-sha256 (RSASSA-PKCS1-v1_5 with SHA-256) for MimeKit's DKIM signer, computed by the platform's RSA: BouncyCastle's
/// managed RSA costs several times OpenSSL's per signature, and DKIM signs every wrapper. Signing only.
/// </summary>
internal sealed class PlatformRsaSha256Signer(RSA key) : ISigner
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string AlgorithmName => "SHA-256withRSA";

    public void Init(bool forSigning, ICipherParameters parameters)
    {
        if (!forSigning)
        {
            throw new NotSupportedException("This signer only signs; verification uses MimeKit's own.");
        }

        Reset();
    }

    public void Update(byte input) => _hash.AppendData([input]);

    public void BlockUpdate(byte[] input, int inOff, int inLen) => _hash.AppendData(input, inOff, inLen);

    public void BlockUpdate(ReadOnlySpan<byte> input) => _hash.AppendData(input);

    public int GetMaxSignatureSize() => key.KeySize / 8;

    public byte[] GenerateSignature() => key.SignHash(_hash.GetHashAndReset(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool VerifySignature(byte[] signature) =>
        throw new NotSupportedException("This signer only signs; verification uses MimeKit's own.");

    public void Reset() => _hash.GetHashAndReset();
}
