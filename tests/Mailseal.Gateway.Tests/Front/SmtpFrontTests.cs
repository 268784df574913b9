using System.Net.Sockets;
using System.Text;
using Mailseal.Gateway.Front;
using MailKit.Net.Smtp;
using MimeKit;

namespace Mailseal.Gateway.Tests.Front;

public sealed class SmtpFrontTests
{
    [Fact]
    public async Task Send_MessageWithDotLines_ArrivesByteExactWithEnvelope()
    {
        await using var front = await TestFront.StartAsync();
        var message = MailKitClients.Message();
        using (var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Smtp)))
        {
            await client.SendAsync(message, new MailboxAddress(null, "alice@example.org"), MailKitClients.Addresses("bob@example.net", "carol@example.net"));
            await client.DisconnectAsync(quit: true);
        }

        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal(MailKitClients.WireBytes(message), received.Bytes);
        Assert.Equal("alice@example.org", received.Transaction.ReversePath);
        Assert.Equal(["bob@example.net", "carol@example.net"], received.Transaction.Recipients);
        Assert.Equal("client.test.example", received.Transaction.HeloName);
        Assert.Equal("smtp", received.Transaction.ListenerName);
        Assert.Equal(FrontProtocol.Smtp, received.Transaction.Protocol);
        Assert.False(received.Transaction.IsTls);
        Assert.Null(received.Transaction.AuthenticatedUser);
        Assert.Equal(received.Bytes.Length, received.Transaction.MessageBytes);
    }

    [Fact]
    public async Task Send_TwoMessagesOnOneConnection_BothArriveInOrder()
    {
        await using var front = await TestFront.StartAsync();
        using (var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Smtp)))
        {
            await client.SendAsync(MailKitClients.Message("first\r\n"));
            await client.SendAsync(MailKitClients.Message("second\r\n"));
            await client.DisconnectAsync(quit: true);
        }

        var messages = front.Handler.Messages.ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Contains("first", Encoding.ASCII.GetString(messages[0].Bytes), StringComparison.Ordinal);
        Assert.Contains("second", Encoding.ASCII.GetString(messages[1].Bytes), StringComparison.Ordinal);
        Assert.NotEqual(messages[0].Transaction.TransactionId, messages[1].Transaction.TransactionId);
    }

    [Fact]
    public async Task Connect_Banner_NamesHostWithoutVersion()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        Assert.Equal("220 mx.test.example ESMTP Mailseal", client.Banner);
        var ehlo = await client.CommandAsync("EHLO client.example");
        Assert.StartsWith("250-mx.test.example\n", ehlo, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+\.\d+", ehlo.Replace("mx.test.example", string.Empty, StringComparison.Ordinal));
        foreach (var keyword in new[] { "PIPELINING", "SIZE 37748736", "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES" })
        {
            Assert.Contains(keyword, ehlo, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AUTH", ehlo, StringComparison.Ordinal);
        Assert.DoesNotContain("CHUNKING", ehlo, StringComparison.Ordinal);
        Assert.DoesNotContain("STARTTLS", ehlo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_Socket_HasNoDelay()
    {
        var accepted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var front = await TestFront.StartAsync(beforeStart: f => f.SocketAccepted = socket => accepted.TrySetResult(socket.NoDelay));
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        Assert.True(await accepted.Task);
    }

    [Fact]
    public async Task Rset_AfterMailAndRcpt_StartsAFreshTransaction()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<old@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", await client.CommandAsync("RCPT TO:<old@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("RSET"), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1", await client.CommandAsync("RCPT TO:<x@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<new@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", await client.CommandAsync("RCPT TO:<new@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("354", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("Subject: x\r\n\r\nbody\r\n."), StringComparison.Ordinal);

        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal("new@example.org", received.Transaction.ReversePath);
        Assert.Equal(["new@example.net"], received.Transaction.Recipients);
    }

    [Fact]
    public async Task Pipelining_WholeTransactionInOneWrite_RepliesInOrder()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        await client.SendAsync("MAIL FROM:<a@example.org> SIZE=30 BODY=8BITMIME\r\nRCPT TO:<b@example.net>\r\nRCPT TO:<c@example.net>\r\nDATA\r\n");
        Assert.StartsWith("250 2.1.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("354", await client.ReadReplyAsync(), StringComparison.Ordinal);
        await client.SendAsync("Subject: p\r\n\r\nbody\r\n.\r\nNOOP\r\nQUIT\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("221 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);

        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal(30, received.Transaction.DeclaredSize);
        Assert.Equal(BodyType.EightBitMime, received.Transaction.BodyType);
        Assert.Equal("Subject: p\r\n\r\nbody\r\n"u8.ToArray(), received.Bytes);
    }

    [Fact]
    public async Task Commands_OutOfSequenceOrUnknown_GetTableReplies()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        Assert.StartsWith("503 5.5.1", await client.CommandAsync("MAIL FROM:<a@example.org>"), StringComparison.Ordinal);
        Assert.StartsWith("502 5.5.1", await client.CommandAsync("LHLO client.example"), StringComparison.Ordinal);
        Assert.StartsWith("502 5.5.1", await client.CommandAsync("BDAT 10 LAST"), StringComparison.Ordinal);
        Assert.StartsWith("502 5.5.1", await client.CommandAsync("AUTH PLAIN AGFiYwB4eXo="), StringComparison.Ordinal);
        Assert.StartsWith("500 5.5.2", await client.CommandAsync("XYZZY"), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("HELO client.example"), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        Assert.StartsWith("252 2.5.0", await client.CommandAsync("VRFY bob"), StringComparison.Ordinal);
        Assert.StartsWith("214 2.0.0", await client.CommandAsync("HELP"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
        Assert.StartsWith("454 4.7.0", await client.CommandAsync("STARTTLS"), StringComparison.Ordinal);
        Assert.StartsWith("221 2.0.0", await client.CommandAsync("QUIT"), StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Send_HandlerThrows_Answers451AndKeepsTheConnection()
    {
        await using var front = await TestFront.StartAsync();
        front.Handler.Respond = _ => throw new InvalidOperationException("store down");
        using var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Smtp));
        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(MailKitClients.Message()));
        Assert.Equal(451, (int)error.StatusCode);
        Assert.True(client.IsConnected);
        await client.NoOpAsync();
    }

    [Fact]
    public async Task Send_HandlerGivesWrongNumberOfReplies_Answers451()
    {
        await using var front = await TestFront.StartAsync();
        front.Handler.Respond = _ => new MessageOutcome([SmtpReply.Ok()]);
        using var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Smtp));
        var error = await Assert.ThrowsAsync<SmtpCommandException>(
            () => client.SendAsync(MailKitClients.Message(), new MailboxAddress(null, "a@example.org"), MailKitClients.Addresses("b@example.net", "c@example.net")));
        Assert.Equal(451, (int)error.StatusCode);
    }

    [Theory]
    [InlineData(new[] { 250, 250 }, 250)]
    [InlineData(new[] { 250, 450 }, 450)]
    [InlineData(new[] { 550, 450 }, 450)]
    [InlineData(new[] { 550, 554 }, 550)]
    [InlineData(new[] { 550, 250 }, 250)]
    public async Task Send_PerRecipientOutcomes_AggregatedIntoOneSmtpReply(int[] codes, int expected)
    {
        await using var front = await TestFront.StartAsync();
        front.Handler.Respond = _ => new MessageOutcome(codes.Select(code => new SmtpReply(code, $"{code / 100}.0.0", $"outcome {code}")).ToArray());
        using var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Smtp));
        var recipients = MailKitClients.Addresses("b@example.net", "c@example.net");
        var sender = new MailboxAddress(null, "a@example.org");
        if (expected == 250)
        {
            var response = await client.SendAsync(MailKitClients.Message(), sender, recipients);
            Assert.Contains("outcome 250", response, StringComparison.Ordinal);
        }
        else
        {
            var error = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(MailKitClients.Message(), sender, recipients));
            Assert.Equal(expected, (int)error.StatusCode);
        }
    }

    [Fact]
    public async Task Rcpt_ClientOutsideRelayNetworks_Gets554RelayDenied()
    {
        await using var front = await TestFront.StartAsync(options => options.RelayNetworks = ["10.0.0.0/8"]);
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        await client.CommandAsync("MAIL FROM:<a@example.org>");
        Assert.StartsWith("554 5.7.1", await client.CommandAsync("RCPT TO:<b@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        Assert.Empty(front.Handler.Messages);
    }

    [Fact]
    public async Task Rcpt_OverMaxRecipients_Gets452OnTheExtraOnly()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxRecipients = 3);
        using var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Smtp));
        var recipients = MailKitClients.Addresses("r1@example.net", "r2@example.net", "r3@example.net", "r4@example.net");
        var error = await Assert.ThrowsAsync<SmtpCommandException>(
            () => client.SendAsync(MailKitClients.Message(), new MailboxAddress(null, "a@example.org"), recipients));
        Assert.Equal(452, (int)error.StatusCode);
        Assert.Equal("r4@example.net", error.Mailbox?.Address);
    }

    [Fact]
    public async Task Rcpt_OverMaxRecipients_RawClientSeesExactCodes()
    {
        await using var front = await TestFront.StartAsync(options => options.MaxRecipients = 2);
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        await client.CommandAsync("MAIL FROM:<>");
        Assert.StartsWith("250", await client.CommandAsync("RCPT TO:<r1@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("RCPT TO:<r2@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("452 4.5.3", await client.CommandAsync("RCPT TO:<r3@example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("354", await client.CommandAsync("DATA"), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("Subject: x\r\n\r\nx\r\n."), StringComparison.Ordinal);
        var received = Assert.Single(front.Handler.Messages);
        Assert.Equal(string.Empty, received.Transaction.ReversePath);
        Assert.Equal(2, received.Transaction.Recipients.Count);
    }

    [Theory]
    [InlineData("MAIL FROM:a@example.org", "501 5.5.4")]
    [InlineData("MAIL FROM:<a@example.org> FOO=1", "555 5.5.4")]
    [InlineData("MAIL FROM:<a@example.org> BODY=9BIT", "501 5.5.4")]
    [InlineData("MAIL FROM:<jörg@example.org>", "553 5.6.7")]
    [InlineData("MAIL FROM:<jörg@example.org> SMTPUTF8", "250 2.1.0")]
    public async Task Mail_Parameters_AreCheckedAtMail(string command, string expected)
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        await client.CommandAsync("EHLO client.example");
        Assert.StartsWith(expected, await client.CommandAsync(command), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listeners_PortZero_AreBoundToRealPorts()
    {
        await using var front = await TestFront.StartAsync();
        Assert.Equal(3, front.Front.Listeners.Count);
        Assert.All(front.Front.Listeners, listener => Assert.NotEqual(0, listener.EndPoint.Port));
        using var probe = new TcpClient();
        await probe.ConnectAsync(front.EndPointOf(FrontProtocol.Lmtp));
        Assert.True(probe.Connected);
    }
}
