using System.Buffers;
using System.Security.Cryptography;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// Verifies and opens envelopes sealed under the ring's tenant. Every failure is one
/// <see cref="EnvelopeInvalidException"/>; no plaintext of a segment is written before its tag has verified.
/// Expiry is not checked here: the portal decides; compliance unsealing and RemoveOME ignore it.
/// Failures that are not the envelope's (I/O errors of the streams, a key store that does not answer,
/// cancellation) propagate as they are.
/// </summary>
public sealed class EnvelopeUnsealer
{
    private readonly ITenantKeyRing _keyRing;
    private readonly ProtectionOptions _options;

    public EnvelopeUnsealer(ITenantKeyRing keyRing, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        ArgumentNullException.ThrowIfNull(options);
        _keyRing = keyRing;
        _options = options;
    }

    /// <summary>
    /// Verifies the envelope and writes the original message to <paramref name="plaintextOutput"/>, one verified
    /// segment at a time. On failure the output may hold the verified segments before the bad one: a caller
    /// that must release nothing unless all verified writes to a temporary place first.
    /// </summary>
    /// <exception cref="EnvelopeInvalidException">The envelope is not valid here, for whatever reason.</exception>
    public async Task<License> UnsealAsync(Stream envelope, Stream plaintextOutput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(plaintextOutput);
        var (license, licenseBytes, suite) = await ReadVerifiedLicenseAsync(envelope, cancellationToken);
        var contentKey = await UnwrapContentKeyAsync(license, suite, cancellationToken);
        try
        {
            using var cipher = new SegmentCipher(contentKey, license.NoncePrefix.AsSpan(), licenseBytes);
            await ReadSegmentsAsync(envelope, plaintextOutput, cipher, license.SegmentSize, cancellationToken);
            return license;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>Reads and verifies the license and its signature only (the portal's arrival check).</summary>
    /// <exception cref="EnvelopeInvalidException">The license is not valid here.</exception>
    public async Task<License> VerifyAsync(Stream envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var (license, _, _) = await ReadVerifiedLicenseAsync(envelope, cancellationToken);
        return license;
    }

    /// <summary>Whether <paramref name="address"/> is a recipient of the license, under the secret the license names.</summary>
    public async Task<bool> IsRecipientAsync(License license, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        var secret = await _keyRing.FindRecipientHashSecretAsync(license.RecipientHashKeyId, cancellationToken);
        return secret is not null && RecipientHasher.IsRecipient(license, address, secret);
    }

    private async Task<(License License, byte[] LicenseBytes, CryptoSuite Suite)> ReadVerifiedLicenseAsync(
        Stream envelope, CancellationToken cancellationToken)
    {
        var (licenseBytes, signature) = await EnvelopeHeader.ReadAsync(envelope, cancellationToken);
        var license = LicenseParser.Parse(licenseBytes);
        if (license.TenantId != await _keyRing.GetTenantIdAsync(cancellationToken))
        {
            throw new EnvelopeInvalidException(EnvelopeFailure.WrongTenant);
        }

        var suite = SuiteFor(license);
        var signingKey = await _keyRing.FindVerificationKeyAsync(license.SigningKeyId, cancellationToken)
            ?? throw new EnvelopeInvalidException(EnvelopeFailure.UnknownSigningKey);
        if (signingKey.Mode != license.Mode)
        {
            throw new EnvelopeInvalidException(EnvelopeFailure.ModeMismatch);
        }

        if (!signingKey.Key.VerifyData(licenseBytes, signature, suite.Hash, suite.SignaturePadding))
        {
            throw new EnvelopeInvalidException(EnvelopeFailure.BadSignature);
        }

        return (license, licenseBytes, suite);
    }

    private CryptoSuite SuiteFor(License license)
    {
        try
        {
            return CryptoSuite.For(license.Mode, _options.AllowLegacyMode1);
        }
        catch (SealingRefusedException)
        {
            throw new EnvelopeInvalidException(EnvelopeFailure.ModeDisabled);
        }
    }

    private async Task<byte[]> UnwrapContentKeyAsync(License license, CryptoSuite suite, CancellationToken cancellationToken)
    {
        var wrappingKey = await _keyRing.FindUnwrappingKeyAsync(license.WrappingKeyId, cancellationToken)
            ?? throw new EnvelopeInvalidException(EnvelopeFailure.UnknownWrappingKey);
        if (wrappingKey.Mode != license.Mode)
        {
            throw new EnvelopeInvalidException(EnvelopeFailure.ModeMismatch);
        }

        byte[] contentKey;
        try
        {
            contentKey = wrappingKey.Key.Decrypt(license.WrappedContentKey.AsSpan().ToArray(), suite.WrapPadding);
        }
        catch (CryptographicException)
        {
            throw new EnvelopeInvalidException(EnvelopeFailure.BadWrappedKey);
        }

        if (contentKey.Length != EnvelopeFormat.ContentKeyBytes)
        {
            CryptographicOperations.ZeroMemory(contentKey);
            throw new EnvelopeInvalidException(EnvelopeFailure.BadWrappedKey);
        }

        return contentKey;
    }

    /// <summary>
    /// A read that fills the whole buffer is a full segment; a shorter one is the last segment and ends the
    /// stream. So truncation, trailing bytes and reordering all surface as a failed tag or a missing end.
    /// </summary>
    private static async Task ReadSegmentsAsync(
        Stream envelope, Stream output, SegmentCipher cipher, int segmentSize, CancellationToken cancellationToken)
    {
        var fullSegment = segmentSize + EnvelopeFormat.TagBytes;
        var sealedSegment = ArrayPool<byte>.Shared.Rent(fullSegment);
        var plaintext = ArrayPool<byte>.Shared.Rent(segmentSize);
        try
        {
            bool last;
            do
            {
                var read = await envelope.ReadAtLeastAsync(
                    sealedSegment.AsMemory(0, fullSegment), fullSegment, throwOnEndOfStream: false, cancellationToken);
                if (read < EnvelopeFormat.TagBytes)
                {
                    throw new EnvelopeInvalidException(EnvelopeFailure.Truncated);
                }

                last = read < fullSegment;
                if (!cipher.TryDecrypt(sealedSegment.AsSpan(0, read), plaintext, last))
                {
                    throw new EnvelopeInvalidException(EnvelopeFailure.BadSegment);
                }

                await output.WriteAsync(plaintext.AsMemory(0, read - EnvelopeFormat.TagBytes), cancellationToken);
            }
            while (!last);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, segmentSize));
            ArrayPool<byte>.Shared.Return(plaintext);
            ArrayPool<byte>.Shared.Return(sealedSegment);
        }
    }
}
