using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Mailseal.Benchmarks;

/// <summary>
/// How Mailseal signed before (commit 6fb5b3c), kept only as the benchmark's baseline: MimeKit's DkimSigner over a
/// persistent parse of the spool, relaxed/relaxed, with the RSA signature by the platform. MimeKit re-writes the body
/// through its canonicalization filters and hashes it with BouncyCastle's SHA-256.
/// </summary>
internal sealed class MimeKitDkimBaseline(AsymmetricKeyParameter privateKey, RSA rsa, string domain, string selector)
{
    private static readonly string[] Fields = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"];

    public Header Sign(Stream content)
    {
        using var parsed = new MimeParser(content, MimeFormat.Entity, persistent: true).ParseMessage();
        var signer = new PlatformSigner(privateKey, rsa, domain, selector)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        signer.Sign(options, parsed, [.. Fields.Where(parsed.Headers.Contains)]);
        return parsed.Headers[HeaderId.DkimSignature] is { } value ? new Header(HeaderId.DkimSignature, value) : throw new InvalidOperationException("Not signed.");
    }

    private sealed class PlatformSigner(AsymmetricKeyParameter key, RSA rsa, string domain, string selector)
        : DkimSigner(key, domain, selector, DkimSignatureAlgorithm.RsaSha256)
    {
        protected override ISigner CreateSigningContext() => new Sha256WithPlatformRsa(rsa);
    }

    private sealed class Sha256WithPlatformRsa(RSA rsa) : ISigner
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string AlgorithmName => "SHA-256withRSA";

        public void Init(bool forSigning, ICipherParameters parameters) => _hash.GetHashAndReset();

        public void Update(byte input) => _hash.AppendData([input]);

        public void BlockUpdate(byte[] input, int inOff, int inLen) => _hash.AppendData(input, inOff, inLen);

        public void BlockUpdate(ReadOnlySpan<byte> input) => _hash.AppendData(input);

        public int GetMaxSignatureSize() => rsa.KeySize / 8;

        public byte[] GenerateSignature() => rsa.SignHash(_hash.GetHashAndReset(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        public bool VerifySignature(byte[] signature) => throw new NotSupportedException();

        public void Reset() => _hash.GetHashAndReset();
    }
}
