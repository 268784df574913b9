using System.Text;
using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

public sealed class LimitTests
{
    private static string Lines(int count, int length) =>
        string.Concat(Enumerable.Repeat(new string('x', length) + "\r\n", count));

    [Fact]
    public async Task Mail_DeclaredSizeOverLimit_Gets552AtMail()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxMessageBytes = 10_000);
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        Assert.StartsWith("552 5.3.4", await client.CommandAsync("MAIL FROM:<a@example.org> SIZE=10001"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<a@example.org> SIZE=10000"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_MoreBytesThanDeclaredAndThanLimit_552AfterReadingAll()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxMessageBytes = 10_000);
        await using var client = await RawTransaction.OpenDataAsync(front, " SIZE=100");
        await client.SendAsync("Subject: big\r\n\r\n" + Lines(1000, 98) + ".\r\n");
        Assert.StartsWith("552 5.3.4", await client.ReadReplyAsync(), StringComparison.Ordinal);
        // The excess was read and discarded, not taken for commands: the session goes on.
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<a@example.org>"), StringComparison.Ordinal);
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Data_MoreBytesThanDeclaredWithinLimit_IsAccepted()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxMessageBytes = 10_000);
        await using var client = await RawTransaction.OpenDataAsync(front, " SIZE=10");
        await client.SendAsync("Subject: ok\r\n\r\n" + Lines(10, 98) + ".\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal(10, received.Transaction.DeclaredSize);
        Assert.Equal(received.Bytes.Length, received.Transaction.MessageBytes);
    }

    [Fact]
    public async Task Data_ExactlyAtLimit_IsAccepted()
    {
        var body = "Subject: x\r\n\r\n" + Lines(9, 98);
        await using var front = await TestFront.StartAsync(options => options.MaxMessageBytes = Encoding.ASCII.GetByteCount(body));
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync(body + ".\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Equal(Encoding.ASCII.GetBytes(body), Assert.Single(front.Handler.Messages).Bytes);
    }

    [Theory]
    [InlineData(998, true)]
    [InlineData(999, false)]
    public async Task Data_LineLength_LimitIs1000OctetsWithCrlf(int lineLengthWithoutCrlf, bool accepted)
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: long\r\n\r\n" + new string('y', lineLengthWithoutCrlf) + "\r\nafter\r\n.\r\n");
        var reply = await client.ReadReplyAsync();
        Assert.StartsWith(accepted ? "250 2.0.0" : "552 5.3.4 Message has a line longer than 1000 octets", reply, StringComparison.Ordinal);
        Assert.Equal(accepted ? 1 : 0, front.Handler.Messages.Count);
    }

    [Fact]
    public async Task Data_HugeLineWithoutNewline_ReadToTheEndThen552()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: long\r\n\r\n" + new string('z', 300_000) + "\r\n.\r\n");
        Assert.StartsWith("552 5.3.4", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Data_FoldedHeaderFieldOverLimit_Gets552()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxHeaderBytes = 2000);
        await using var client = await RawTransaction.OpenDataAsync(front);
        var folded = "X-Folded: start\r\n" + string.Concat(Enumerable.Repeat("\t" + new string('h', 80) + "\r\n", 30));
        await client.SendAsync("Subject: ok\r\n" + folded + "\r\nsmall body\r\n.\r\n");
        Assert.StartsWith("552 5.3.4 Message has a header field larger", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Data_ManyHeaderFieldsEachUnderLimit_AreAccepted()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxHeaderBytes = 2000);
        await using var client = await RawTransaction.OpenDataAsync(front);
        var headers = string.Concat(Enumerable.Range(0, 100).Select(i => $"X-Filler-{i:D3}: {new string('h', 80)}\r\n"));
        await client.SendAsync(headers + "\r\n" + Lines(100, 98) + ".\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_NulByte_Gets550WithClearText()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: nul\r\n\r\nbefore\0after\r\n.\r\n");
        Assert.Equal("550 5.6.0 Message contains NUL bytes, which SMTP cannot carry; use a transfer encoding", await client.ReadReplyAsync());
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Command_LineOverLimit_Gets500AndSessionContinues()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        Assert.StartsWith("500 5.5.2 Line too long", await client.CommandAsync("NOOP " + new string('n', 5000)), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_BareLineFeed_Gets500()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.SendAsync("NOOP\n");
        Assert.StartsWith("500 5.5.2", await client.ReadReplyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_OverMaxConnections_Get421()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxConnections = 1);
        await using var first = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await using var second = await front.ConnectRawAsync(FrontProtocol.Smtp);
        Assert.StartsWith("220", first.Banner, StringComparison.Ordinal);
        Assert.StartsWith("421 4.7.0", second.Banner, StringComparison.Ordinal);
        Assert.True(await second.IsClosedAsync());
    }

    [Fact]
    public async Task Command_Timeout_Gets421AndClose()
    {
        await using var front = await TestFront.StartAsync(options => options.CommandTimeout = TimeSpan.FromMilliseconds(200));
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        Assert.StartsWith("421 4.4.2", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Data_Timeout_Gets421AndNoMessage()
    {
        await using var front = await TestFront.StartAsync(options => options.DataTimeout = TimeSpan.FromMilliseconds(200));
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: half a message\r\n");
        Assert.StartsWith("421 4.4.2", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync());
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Data_SpoolCannotBeOpened_Gets451BeforeData()
    {
        await using var front = await TestFront.StartAsync(spoolFactory: () => throw new IOException("disk full"));
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<b@example.net>");
        Assert.StartsWith("451 4.3.0", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("RSET"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_SpoolWriteFails_ReadsToTheEndThen451()
    {
        await using var front = await TestFront.StartAsync(spoolFactory: () => new FailingSpool());
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: x\r\n\r\n" + Lines(2000, 98) + ".\r\n");
        Assert.StartsWith("451 4.3.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
        Assert.Empty(front.Handler.Messages);
    }

    private sealed class FailingSpool : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("No space left on device"));
    }
}
