using Mailseal.Core.Classification;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Tests.Front;
using Mailseal.Testing.Corpus;
using MimeKit;

namespace Mailseal.Gateway.Tests.Pipeline;

public sealed class CorpusThroughGatewayTests(CorpusGatewayFixture fixture) : IClassFixture<CorpusGatewayFixture>
{
    public static TheoryData<string> CarriableFiles => TestCorpus.SmtpCarriableFiles;

    [Theory]
    [MemberData(nameof(CarriableFiles))]
    public async Task HandleAsync_CarriableCorpusMessage_SealedInnerBytesIdenticalToWire(string fileName)
    {
        var gateway = fixture.Gateway;
        var original = TestCorpus.ReadAllBytes(fileName);
        var before = gateway.Delivered().Count;
        var port = gateway.Front.Listeners.First(l => l.Protocol == FrontProtocol.Smtp).EndPoint.Port;
        await using var client = await RawSmtpClient.ConnectAsync(port);
        Assert.StartsWith("250", await client.CommandAsync("EHLO client.example"), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("MAIL FROM:<a@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("RCPT TO:<b@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("354", await client.CommandAsync("DATA"), StringComparison.Ordinal);

        await client.SendAsync(DotStuffing.ForData(original));

        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        var files = gateway.Delivered();
        Assert.Equal(before + 1, files.Count);
        var copy = files[^1];
        if (IsOrdinary(original))
        {
            Assert.Contains("X-Mailseal-Envelope", copy.Text, StringComparison.Ordinal);
            Assert.Equal(original, await PipelineRuleTests.UnsealAsync(gateway, copy));
        }
        else
        {
            // Meeting requests, reports, receipts, encrypted mail: passed unchanged by default, after a Received field.
            Assert.StartsWith("Received: ", copy.Text, StringComparison.Ordinal);
            Assert.Equal(original, copy.Message[^original.Length..]);
        }
    }

    private static bool IsOrdinary(byte[] message)
    {
        try
        {
            return MessageClassifier.Classify(MimeMessage.Load(new MemoryStream(message))).IsOrdinary;
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
