using System.Security.Cryptography;
using Mailseal.Testing;
using Mailseal.Testing.Corpus;

namespace Mailseal.Gateway.Tests.Front;

public sealed class CorpusThroughFrontTests
{
    public static TheoryData<string> CarriableFiles => TestCorpus.SmtpCarriableFiles;

    public static TheoryData<string> AllFiles => TestCorpus.Files;

    [Theory]
    [MemberData(nameof(CarriableFiles))]
    public async Task Data_CarriableCorpusMessage_ArrivesByteExact(string fileName)
    {
        var original = TestCorpus.ReadAllBytes(fileName);
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync(DotStuffing.ForData(original));
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Equal(original, Assert.Single(front.Handler.Messages).Bytes);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public async Task Data_AnyCorpusMessage_AcceptedExactlyOrRejectedWithADocumentedReply(string fileName)
    {
        var original = TestCorpus.ReadAllBytes(fileName);
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync(DotStuffing.ForData(original));
        var reply = await client.ReadReplyAsync();
        if (SmtpCarriability.IsCarriable(original))
        {
            Assert.StartsWith("250 2.0.0", reply, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(
                reply.StartsWith("550 5.5.2", StringComparison.Ordinal) || reply.StartsWith("550 5.6.0", StringComparison.Ordinal)
                || reply.StartsWith("552 5.3.4", StringComparison.Ordinal) || reply.StartsWith("250 2.0.0", StringComparison.Ordinal),
                reply);
        }

        if (reply.StartsWith("250", StringComparison.Ordinal))
        {
            // Accepted only when the bytes arrive as sent (a missing final CRLF is the client's to add).
            var received = Assert.Single(front.Handler.Messages).Bytes;
            Assert.Equal(original, received.AsSpan(0, original.Length).ToArray());
        }
        else
        {
            Assert.Empty(front.Handler.Messages);
        }

        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_TwentyFiveMegabytes_StreamsIntoAFileSpoolByteExact()
    {
        using var directory = new TempDirectory();
        var path = TestCorpus.LargeMessagePath(TestCorpus.TwentyFiveMegabytes);
        var original = await File.ReadAllBytesAsync(path);
        await using var front = await TestFront.StartAsync(spoolFactory: () => new FileStream(
            directory.Combine(Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose));
        await using (var client = await RawTransaction.OpenDataAsync(front))
        {
            await client.SendAsync(DotStuffing.ForData(original));
            Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        }

        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal(original.Length, received.Transaction.MessageBytes);
        Assert.Equal(SHA256.HashData(original), SHA256.HashData(received.Bytes));
        Assert.Empty(Directory.EnumerateFiles(directory.Path));
    }
}
