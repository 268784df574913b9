using System.Security.Cryptography;
using Mailseal.Testing.Corpus;

namespace Mailseal.Protection.Tests.Sealing;

/// <summary>Every corpus message seals into a wrapper and unseals back to identical bytes.</summary>
public sealed class CorpusRoundTripTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    public static TheoryData<string> Files => TestCorpus.Files;

    public static TheoryData<long> LargeSizes => TestCorpus.LargeMessageSizes;

    [Theory]
    [MemberData(nameof(Files))]
    public async Task SealThenUnseal_CorpusMessage_IdenticalBytes(string fileName)
    {
        var original = TestCorpus.ReadAllBytes(fileName);

        var (_, unsealed) = await fixture.RoundTripAsync(new MemoryStream(original));

        Assert.Equal(original, unsealed);
    }

    [Theory]
    [MemberData(nameof(LargeSizes))]
    public async Task SealThenUnseal_LargeMessage_IdenticalBytes(long size)
    {
        var path = TestCorpus.LargeMessagePath(size);
        await using var message = File.OpenRead(path);

        var (_, unsealed) = await fixture.RoundTripAsync(message);

        await using var again = File.OpenRead(path);
        Assert.Equal(await SHA256.HashDataAsync(again), SHA256.HashData(unsealed));
        Assert.Equal(size, unsealed.Length);
    }
}
