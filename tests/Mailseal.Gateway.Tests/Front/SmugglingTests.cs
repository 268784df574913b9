namespace Mailseal.Gateway.Tests.Front;

/// <summary>RFC 5321 §4.1.1.4: only CRLF "." CRLF ends DATA; a bare LF or CR near the dot must never end it.</summary>
public sealed class SmugglingTests
{
    [Theory]
    [InlineData("\n.\n")]
    [InlineData("\r\n.\n")]
    [InlineData("\n.\r\n")]
    [InlineData("\r.\r\n")]
    [InlineData("\r\n.\r")]
    public async Task Data_SmuggledEndOfData_IsNotTheEndAndMessageIsRejected(string fakeEnd)
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        var smuggled = "MAIL FROM:<attacker@example.org>\r\nRCPT TO:<victim@example.net>\r\nDATA\r\nSubject: smuggled\r\n\r\nevil\r\n";
        await client.SendAsync("Subject: carrier\r\n\r\nhello" + fakeEnd + smuggled + ".\r\n");

        // One reply for the one real transaction, then the session is idle again: nothing was run as a command.
        Assert.Equal("550 5.5.2 Message contains a bare LF or bare CR; lines must end with CRLF", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
        Assert.StartsWith("221", await client.CommandAsync("QUIT"), StringComparison.Ordinal);
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Data_BareLineFeedInBody_IsRejectedAfterTheRealEnd()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: lf\r\n\r\nline one\nline two\r\n.\r\n");
        Assert.StartsWith("550 5.5.2", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<a@example.org>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_SmuggledTextWithCrlfOnly_IsOneMessageContainingIt()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        // Dot-stuffed the way a correct client sends it: the inner "." line is "..".
        await client.SendAsync("Subject: carrier\r\n\r\nhello\r\n..\r\nMAIL FROM:<attacker@example.org>\r\n.\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal("Subject: carrier\r\n\r\nhello\r\n.\r\nMAIL FROM:<attacker@example.org>\r\n"u8.ToArray(), received.Bytes);
    }

    [Fact]
    public async Task Data_EmptyMessage_EndsAtFirstLine()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync(".\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Empty(Assert.Single(front.Handler.Messages).Bytes);
    }

    [Fact]
    public async Task Data_SentByteByByte_EndsOnlyAtCrlfDotCrlf()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        foreach (var b in "Subject: slow\r\n\r\n.. dotted\r\nend\r\n.\r\n"u8.ToArray())
        {
            await client.SendAsync([b]);
        }

        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Equal("Subject: slow\r\n\r\n. dotted\r\nend\r\n"u8.ToArray(), Assert.Single(front.Handler.Messages).Bytes);
    }
}
