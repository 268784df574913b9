using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Envelope;

/// <summary>
/// Seals a message into an envelope (format v1) from stream to stream, segment by segment: one RSA
/// signature and one RSA-OAEP wrap per envelope whatever the number of recipients.
/// </summary>
public sealed class EnvelopeSealer
{
    private readonly ITenantKeyRing _keyRing;
    private readonly ProtectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SealingRandomness _randomness;
    private readonly int _segmentSize;

    public EnvelopeSealer(ITenantKeyRing keyRing, ProtectionOptions options, TimeProvider timeProvider)
        : this(keyRing, options, timeProvider, SealingRandomness.Default, EnvelopeFormat.DefaultSegmentSize)
    {
    }

    internal EnvelopeSealer(
        ITenantKeyRing keyRing, ProtectionOptions options, TimeProvider timeProvider, SealingRandomness randomness, int segmentSize)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(segmentSize, EnvelopeFormat.MinSegmentSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(segmentSize, EnvelopeFormat.MaxSegmentSize);
        _keyRing = keyRing;
        _options = options;
        _timeProvider = timeProvider;
        _randomness = randomness;
        _segmentSize = segmentSize;
    }

    /// <summary>
    /// Reads <paramref name="message"/> to its end and writes the envelope to <paramref name="envelopeOutput"/>.
    /// On an exception the output holds a partial envelope that the caller must discard.
    /// </summary>
    /// <returns>The license written into the envelope.</returns>
    /// <exception cref="SealingRefusedException">No or too many recipients, message too large, no usable keys, mode 1 disabled.</exception>
    /// <exception cref="ArgumentException">A malformed recipient, sender, language, template or Message-ID.</exception>
    public async Task<License> SealAsync(
        Stream message, SealRequest request, Stream envelopeOutput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(envelopeOutput);
        SealingInputs.ValidateRequest(request);
        var normalForms = NormalizeRecipients(request.Recipients);

        var keys = await _keyRing.GetSealingKeysAsync(cancellationToken);
        SealingInputs.ValidateKeys(keys);
        var suite = CryptoSuite.For(keys.Mode, _options.AllowLegacyMode1);
        var recipientHashes = normalForms
            .Select(form => ImmutableArray.Create(RecipientHasher.HashNormalForm(form, keys.RecipientHashSecret)))
            .ToImmutableArray();

        var contentKey = new byte[EnvelopeFormat.ContentKeyBytes];
        try
        {
            _randomness.FillContentKey(contentKey);
            var license = CreateLicense(request, keys, recipientHashes, _randomness.WrapContentKey(keys.WrappingPublicKey, contentKey, suite));
            var licenseBytes = LicenseWriter.Write(license);
            var signature = _randomness.SignLicense(keys.SigningPrivateKey, licenseBytes, suite);
            await envelopeOutput.WriteAsync(EnvelopeHeader.Compose(licenseBytes, signature), cancellationToken);
            using var cipher = new SegmentCipher(contentKey, license.NoncePrefix.AsSpan(), licenseBytes);
            await WriteSegmentsAsync(message, envelopeOutput, cipher, cancellationToken);
            return license;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    private License CreateLicense(
        SealRequest request, SealingKeys keys, ImmutableArray<ImmutableArray<byte>> recipientHashes, byte[] wrappedKey)
    {
        var envelopeId = new byte[EnvelopeFormat.EnvelopeIdBytes];
        _randomness.FillEnvelopeId(envelopeId);
        var noncePrefix = new byte[EnvelopeFormat.NoncePrefixBytes];
        _randomness.FillNoncePrefix(noncePrefix);
        return new License(
            EnvelopeFormat.Version,
            keys.TenantId,
            ImmutableArray.Create(envelopeId),
            request.OriginalMessageId,
            request.Sender,
            WholeSeconds(_timeProvider.GetUtcNow()),
            request.ExpiresAt is { } expires ? WholeSeconds(expires) : null,
            request.Language,
            request.BrandingTemplate,
            keys.Mode,
            keys.WrappingKeyId,
            keys.SigningKeyId,
            keys.RecipientHashKeyId,
            ImmutableArray.Create(noncePrefix),
            _segmentSize,
            ImmutableArray.Create(wrappedKey),
            recipientHashes);
    }

    /// <summary>Full segments while the message fills them; the last segment is shorter than a full one (maybe empty).</summary>
    private async Task WriteSegmentsAsync(Stream message, Stream output, SegmentCipher cipher, CancellationToken cancellationToken)
    {
        var plaintext = ArrayPool<byte>.Shared.Rent(_segmentSize);
        var sealedSegment = ArrayPool<byte>.Shared.Rent(_segmentSize + EnvelopeFormat.TagBytes);
        try
        {
            long total = 0;
            bool last;
            do
            {
                var read = await message.ReadAtLeastAsync(
                    plaintext.AsMemory(0, _segmentSize), _segmentSize, throwOnEndOfStream: false, cancellationToken);
                total += read;
                if (total > _options.MaxMessageBytes)
                {
                    throw new SealingRefusedException(
                        SealingRefusalReason.MessageTooLarge,
                        $"The message is larger than the limit of {_options.MaxMessageBytes} bytes.");
                }

                last = read < _segmentSize;
                cipher.Encrypt(plaintext.AsSpan(0, read), sealedSegment.AsSpan(0, read + EnvelopeFormat.TagBytes), last);
                await output.WriteAsync(sealedSegment.AsMemory(0, read + EnvelopeFormat.TagBytes), cancellationToken);
            }
            while (!last);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, _segmentSize));
            ArrayPool<byte>.Shared.Return(plaintext);
            ArrayPool<byte>.Shared.Return(sealedSegment);
        }
    }

    private List<string> NormalizeRecipients(IReadOnlyCollection<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new SealingRefusedException(SealingRefusalReason.NoRecipients, "The message has no recipients.");
        }

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var recipient in recipients)
        {
            var normalForm = RecipientAddress.Normalize(recipient);
            if (distinct.Add(normalForm))
            {
                ordered.Add(normalForm);
            }
        }

        if (ordered.Count > _options.MaxRecipients)
        {
            throw new SealingRefusedException(
                SealingRefusalReason.TooManyRecipients,
                $"The message has {ordered.Count} recipients; the limit is {_options.MaxRecipients}.");
        }

        return ordered;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
