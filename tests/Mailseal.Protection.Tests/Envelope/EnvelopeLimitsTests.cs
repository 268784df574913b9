using Mailseal.Protection.Sealing;

namespace Mailseal.Protection.Tests.Envelope;

public sealed class EnvelopeLimitsTests
{
    [Fact]
    public async Task SealAsync_MoreRecipientsThanAllowed_RefusesTooManyRecipients()
    {
        var options = new ProtectionOptions { MaxRecipients = 2 };

        var error = await Assert.ThrowsAsync<SealingRefusedException>(() => EnvelopeKit.SealAsync(
            TestKeyRing.Create(), [1], options: options, request: EnvelopeKit.Request("a@x.org", "b@x.org", "c@x.org")));

        Assert.Equal(SealingRefusalReason.TooManyRecipients, error.Reason);
    }

    [Fact]
    public async Task SealAsync_DuplicateRecipients_AreHashedOnceAndCountedOnce()
    {
        var options = new ProtectionOptions { MaxRecipients = 2 };
        var request = EnvelopeKit.Request("a@x.org", "A@X.ORG", "a@x.org.", "b@x.org");

        var (_, license) = await EnvelopeKit.SealAsync(TestKeyRing.Create(), [1], options: options, request: request);

        Assert.Equal(2, license.RecipientHashes.Length);
    }

    [Fact]
    public async Task SealAsync_NoRecipients_RefusesNoRecipients()
    {
        var request = EnvelopeKit.Request() with { Recipients = [] };

        var error = await Assert.ThrowsAsync<SealingRefusedException>(
            () => EnvelopeKit.SealAsync(TestKeyRing.Create(), [1], request: request));

        Assert.Equal(SealingRefusalReason.NoRecipients, error.Reason);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [InlineData(300, false)]
    public async Task SealAsync_MessageSize_IsCheckedOnBytesRead(int length, bool accepted)
    {
        var options = new ProtectionOptions { MaxMessageBytes = 100 };
        var ring = TestKeyRing.Create();
        var sealer = EnvelopeKit.Sealer(ring, options, segmentSize: 64);

        var seal = () => sealer.SealAsync(new GeneratedStream(length, 7), EnvelopeKit.Request(), Stream.Null);

        if (accepted)
        {
            await seal();
        }
        else
        {
            var error = await Assert.ThrowsAsync<SealingRefusedException>(seal);
            Assert.Equal(SealingRefusalReason.MessageTooLarge, error.Reason);
        }
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("@example.org")]
    [InlineData("user@")]
    public async Task SealAsync_MalformedRecipient_ThrowsArgumentException(string recipient)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => EnvelopeKit.SealAsync(TestKeyRing.Create(), [1], request: EnvelopeKit.Request(recipient)));
    }

    [Fact]
    public async Task SealAsync_HeaderInjectionInMessageId_ThrowsArgumentException()
    {
        var request = EnvelopeKit.Request() with { OriginalMessageId = "<a@b>\r\nBcc: x@y" };

        await Assert.ThrowsAsync<ArgumentException>(() => EnvelopeKit.SealAsync(TestKeyRing.Create(), [1], request: request));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en_US")]
    [InlineData("-en")]
    public async Task SealAsync_BadLanguageTag_ThrowsArgumentException(string language)
    {
        var request = EnvelopeKit.Request() with { Language = language };

        await Assert.ThrowsAsync<ArgumentException>(() => EnvelopeKit.SealAsync(TestKeyRing.Create(), [1], request: request));
    }
}
