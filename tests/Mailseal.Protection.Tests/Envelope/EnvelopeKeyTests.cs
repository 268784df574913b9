using Mailseal.Core.Keys;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Tests.Envelope;

public sealed class EnvelopeKeyTests
{
    private static readonly byte[] Message = "From: a@example.org\r\nSubject: keys\r\n\r\nbody\r\n"u8.ToArray();

    [Fact]
    public async Task UnsealAsync_AfterRotation_OldAndNewEnvelopesBothOpen()
    {
        var ring = TestKeyRing.Create();
        var (before, _) = await EnvelopeKit.SealAsync(ring, Message);

        ring.AddGeneration("b");
        var (after, afterLicense) = await EnvelopeKit.SealAsync(ring, Message);

        Assert.Equal(("wrap-b", "sign-b", "rh-b"), (afterLicense.WrappingKeyId, afterLicense.SigningKeyId, afterLicense.RecipientHashKeyId));
        Assert.Equal(Message, await EnvelopeKit.UnsealAsync(ring, before));
        Assert.Equal(Message, await EnvelopeKit.UnsealAsync(ring, after));
    }

    [Fact]
    public async Task UnsealAsync_SigningKeyUnknownHere_Throws()
    {
        var sealing = TestKeyRing.Create();
        var (envelope, _) = await EnvelopeKit.SealAsync(sealing, Message);
        var other = new TestKeyRing(sealing.TenantId).AddGeneration("other");

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(other, envelope);

        Assert.Equal(EnvelopeFailure.UnknownSigningKey, error.Cause);
        Assert.Empty(output);
    }

    [Fact]
    public async Task UnsealAsync_WrappingKeyUnknownHere_Throws()
    {
        var sealing = TestKeyRing.Create();
        var (envelope, _) = await EnvelopeKit.SealAsync(sealing, Message);
        var verifyOnly = new TestKeyRing(sealing.TenantId).Trust(sealing, wrapping: false);

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(verifyOnly, envelope);
        var license = await new EnvelopeUnsealer(verifyOnly, EnvelopeKit.Options()).VerifyAsync(new MemoryStream(envelope));

        Assert.Equal(EnvelopeFailure.UnknownWrappingKey, error.Cause);
        Assert.Empty(output);
        Assert.Equal(sealing.TenantId, license.TenantId);
    }

    [Fact]
    public async Task UnsealAsync_AnotherTenantsEnvelope_ThrowsEvenWithItsKeys()
    {
        var sealing = TestKeyRing.Create();
        var (envelope, _) = await EnvelopeKit.SealAsync(sealing, Message);
        var otherTenant = TestKeyRing.Create().Trust(sealing);

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(otherTenant, envelope);

        Assert.Equal(EnvelopeFailure.WrongTenant, error.Cause);
        Assert.Empty(output);
    }

    [Fact]
    public async Task UnsealAsync_SignedWithAnotherTenantsKeyUnderTheSameId_Throws()
    {
        var sealing = TestKeyRing.Create();
        var (envelope, _) = await EnvelopeKit.SealAsync(sealing, Message);
        var impostor = new TestKeyRing(sealing.TenantId).AddGeneration("b");
        var generationB = TestKeys.Generation("b", CryptoMode.Mode2);
        impostor.Add("wrap-a", "sign-a", "rh-a", CryptoMode.Mode2, generationB.Wrapping, generationB.Signing, generationB.RecipientSecret);

        var (error, _) = await EnvelopeKit.UnsealFailingAsync(impostor, envelope);

        Assert.Equal(EnvelopeFailure.BadSignature, error.Cause);
    }

    [Fact]
    public async Task SealAsync_LegacyModeEnabled_SealsAndUnsealsWithMode1Keys()
    {
        var ring = TestKeyRing.Create(CryptoMode.Mode1);
        var options = EnvelopeKit.Options(allowLegacy: true);

        var (envelope, license) = await EnvelopeKit.SealAsync(ring, Message, options: options);

        Assert.Equal(CryptoMode.Mode1, license.Mode);
        Assert.Equal(128, license.WrappedContentKey.Length);
        Assert.Equal(Message, await EnvelopeKit.UnsealAsync(ring, envelope, options));
    }

    [Fact]
    public async Task SealAsync_LegacyModeDisabled_RefusesMode1Keys()
    {
        var ring = TestKeyRing.Create(CryptoMode.Mode1);

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => EnvelopeKit.SealAsync(ring, Message));

        Assert.Equal(SealingRefusalReason.LegacyModeDisabled, error.Reason);
    }

    [Fact]
    public async Task UnsealAsync_Mode1EnvelopeWithLegacyModeDisabled_Throws()
    {
        var ring = TestKeyRing.Create(CryptoMode.Mode1);
        var (envelope, _) = await EnvelopeKit.SealAsync(ring, Message, options: EnvelopeKit.Options(allowLegacy: true));

        var (error, output) = await EnvelopeKit.UnsealFailingAsync(ring, envelope, EnvelopeKit.Options(allowLegacy: false));

        Assert.Equal(EnvelopeFailure.ModeDisabled, error.Cause);
        Assert.Empty(output);
    }

    [Fact]
    public async Task SealAsync_ManyRecipients_OneWrapAndOneSignature()
    {
        var ring = TestKeyRing.Create();
        var counting = new CountingRandomness();
        var sealer = new EnvelopeSealer(ring, EnvelopeKit.Options(), TimeProvider.System, counting, EnvelopeFormat.DefaultSegmentSize);
        var recipients = Enumerable.Range(0, 200).Select(i => $"user{i}@example.org").ToArray();

        var license = await sealer.SealAsync(new MemoryStream(Message), EnvelopeKit.Request(recipients), Stream.Null);

        Assert.Equal((1, 1), (counting.Wraps, counting.Signatures));
        Assert.Equal(200, license.RecipientHashes.Length);
    }
}
