using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

public sealed class LmtpFrontTests
{
    [Fact]
    public async Task Data_ThreeRecipients_OneReplyEachInRcptOrder()
    {
        await using var front = await TestFront.StartAsync();
        front.Handler.Respond = _ => new MessageOutcome(
        [
            new SmtpReply(250, "2.0.0", "first delivered"),
            new SmtpReply(450, "4.2.0", "second deferred"),
            new SmtpReply(550, "5.1.1", "third refused"),
        ]);
        await using var client = await front.ConnectRawAsync(FrontProtocol.Lmtp);
        Assert.Equal("220 mx.test.example LMTP Mailseal", client.Banner);
        Assert.StartsWith("250-mx.test.example", await client.CommandAsync("LHLO mta.example"), StringComparison.Ordinal);
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        foreach (var recipient in new[] { "one", "two", "three" })
        {
            Assert.StartsWith("250 2.1.5", await client.CommandAsync($"RCPT TO:<{recipient}@example.net>"), StringComparison.Ordinal);
        }

        Assert.StartsWith("354", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        await client.SendAsync("Subject: lmtp\r\n\r\nbody\r\n.\r\n");
        Assert.Equal("250 2.0.0 first delivered", await client.ReadReplyAsync());
        Assert.Equal("450 4.2.0 second deferred", await client.ReadReplyAsync());
        Assert.Equal("550 5.1.1 third refused", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);

        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal(["one@example.net", "two@example.net", "three@example.net"], received.Transaction.Recipients);
        Assert.Equal(FrontProtocol.Lmtp, received.Transaction.Protocol);
        Assert.Equal("mta.example", received.Transaction.HeloName);
    }

    [Fact]
    public async Task Data_RejectedByALimit_OneRejectionPerRecipient()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxMessageBytes = 1000);
        await using var client = await front.ConnectRawAsync(FrontProtocol.Lmtp);
        await client.CommandAsync("LHLO mta.example");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<one@example.net>");
        await client.CommandAsync("RCPT TO:<two@example.net>");
        await client.CommandAsync("DATA");
        await client.SendAsync("Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat(new string('x', 98) + "\r\n", 30)) + ".\r\n");
        Assert.StartsWith("552 5.3.4", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("552 5.3.4", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Data_HandlerThrows_451ForEveryRecipient()
    {
        await using var front = await TestFront.StartAsync();
        front.Handler.Respond = _ => throw new IOException("next hop down");
        await using var client = await front.ConnectRawAsync(FrontProtocol.Lmtp);
        await client.CommandAsync("LHLO mta.example");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        await client.CommandAsync("RCPT TO:<one@example.net>");
        await client.CommandAsync("RCPT TO:<two@example.net>");
        await client.CommandAsync("DATA");
        await client.SendAsync("Subject: x\r\n\r\nx\r\n.\r\n");
        Assert.Equal("451 4.3.0 Temporary failure, try again later", await client.ReadReplyAsync());
        Assert.Equal("451 4.3.0 Temporary failure, try again later", await client.ReadReplyAsync());
    }

    [Theory]
    [InlineData("HELO mta.example")]
    [InlineData("EHLO mta.example")]
    public async Task Greeting_SmtpGreetingOnLmtp_IsRefused(string greeting)
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Lmtp);
        Assert.StartsWith("502 5.5.1", await client.CommandAsync(greeting), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1", await client.CommandAsync("MAIL FROM:<a@example.org>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rcpt_LmtpClientOutsideRelayNetworks_IsDenied()
    {
        await using var front = await TestFront.StartAsync(options => options.RelayNetworks = ["192.0.2.0/24"]);
        await using var client = await front.ConnectRawAsync(FrontProtocol.Lmtp);
        await client.CommandAsync("LHLO mta.example");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        Assert.StartsWith("554 5.7.1", await client.CommandAsync("RCPT TO:<one@example.net>"), StringComparison.Ordinal);
    }
}
