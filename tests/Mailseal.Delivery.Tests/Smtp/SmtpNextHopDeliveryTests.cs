using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Mailseal.Delivery.Smtp;
using Mailseal.Delivery.Tests.Infrastructure;
using Mailseal.Testing.Smtp;
using Mailseal.Testing.Corpus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailseal.Delivery.Tests.Smtp;

public sealed class SmtpNextHopDeliveryTests
{
    [Fact]
    public async Task DeliverAsync_SimpleMessage_SinkReceivesExactBytesAndEnvelope()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);
        var content = TestMessages.Simple(body: "Grüße, Bob.\r\n");

        var result = await delivery.DeliverAsync(TestMessages.Envelope(content, "bob@example.net", "carol@example.net"), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        Assert.All(result.Recipients, r => Assert.Equal(250, r.ReplyCode));
        var received = Assert.Single(sink.Messages);
        Assert.Equal(TestMessages.Sender, received.Sender);
        Assert.Equal(["bob@example.net", "carol@example.net"], received.Recipients);
        Assert.Equal(content, received.Data);
    }

    [Fact]
    public async Task DeliverAsync_LinesStartingWithDots_ArriveUnchanged()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);
        var content = TestMessages.Simple(body: ".\r\n..\r\n.hidden\r\n..two\r\nend.\r\n.");

        var result = await delivery.DeliverAsync(TestMessages.Envelope(content), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        // SMTP carries whole lines only: a message without a final CRLF gains one.
        Assert.Equal([.. content, .. "\r\n"u8.ToArray()], Assert.Single(sink.Messages).Data);
    }

    /// <summary>The data goes in chunks of about 128 KB: dot-stuffing and the terminator must not care where a chunk ends.</summary>
    [Theory]
    [InlineData(DotStuffingWriter.ChunkSize - 2, "", "\r\n")] // exactly one chunk, ending in CRLF
    [InlineData(DotStuffingWriter.ChunkSize, "\r\n", ".dotted line\r\n")] // a line starting with "." is the next chunk's first byte
    [InlineData(DotStuffingWriter.ChunkSize - 1, "", "\r\nrest\r\n")] // CR last in a chunk, LF first in the next
    [InlineData((2 * DotStuffingWriter.ChunkSize) - 4, "", "\r\n")] // two chunks but two bytes, ending in CRLF
    [InlineData(DotStuffingWriter.ChunkSize, "", "")] // a chunk that ends without a line break, then nothing
    public async Task DeliverAsync_ChunkBoundaries_ArriveByteForByte(int prefixBytes, string prefixEnd, string after)
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);
        var content = ChunkTestMessage(prefixBytes, prefixEnd, after);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(content), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        var expected = content.AsSpan().EndsWith("\r\n"u8) ? content : [.. content, .. "\r\n"u8.ToArray()];
        Assert.Equal(expected, Assert.Single(sink.Messages).Data);
    }

    [Fact]
    public async Task DeliverAsync_25MegabyteMessage_ArrivesByteForByte()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);
        var path = TestCorpus.LargeMessagePath(TestCorpus.TwentyFiveMegabytes);
        await using var file = File.OpenRead(path);

        var result = await delivery.DeliverAsync(new OutboundMessage(TestMessages.Sender, ["bob@example.net"], file), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        var received = Assert.Single(sink.Messages).Data;
        Assert.Equal(new FileInfo(path).Length, received.Length);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(path)), SHA256.HashData(received));
    }

    [Theory]
    [MemberData(nameof(TestCorpus.SmtpCarriableFiles), MemberType = typeof(TestCorpus))]
    public async Task DeliverAsync_CorpusMessage_ArrivesByteForByte(string fileName)
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);
        var content = TestCorpus.ReadAllBytes(fileName);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(content), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        var expected = content.AsSpan().EndsWith("\r\n"u8) ? content : [.. content, .. "\r\n"u8.ToArray()];
        Assert.Equal(expected, Assert.Single(sink.Messages).Data);
    }

    [Fact]
    public async Task DeliverAsync_OneRefusedOneDeferred_ResultPerRecipient()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        var result = await delivery.DeliverAsync(
            TestMessages.Envelope(TestMessages.Simple(), "bob@example.net", "refuse@example.net", "defer@example.net"), CancellationToken.None);

        Assert.Equal(
            [DeliveryStatus.Delivered, DeliveryStatus.PermanentFailure, DeliveryStatus.TransientFailure],
            result.Recipients.Select(r => r.Status));
        Assert.Equal([250, 550, 450], result.Recipients.Select(r => r.ReplyCode ?? 0));
        Assert.Equal("4.2.1", result.Recipients[2].EnhancedStatusCode);
        Assert.True(result.AnyTransientFailure);
        Assert.Equal(["bob@example.net"], Assert.Single(sink.Messages).Recipients);
    }

    [Fact]
    public async Task DeliverAsync_EveryRecipientRefused_SendsNoData()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple(), "refuse@example.net"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, Assert.Single(result.Recipients).Status);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task DeliverAsync_NextHopDown_TransientFailureForAll()
    {
        await using var delivery = Create($"127.0.0.1:{ClosedPort()}");

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple(), "bob@example.net", "carol@example.net"), CancellationToken.None);

        Assert.Equal(2, result.Recipients.Count);
        Assert.All(result.Recipients, r => Assert.Equal(DeliveryStatus.TransientFailure, r.Status));
    }

    [Theory]
    [InlineData(421, DeliveryStatus.TransientFailure)]
    [InlineData(451, DeliveryStatus.TransientFailure)]
    [InlineData(554, DeliveryStatus.PermanentFailure)]
    public async Task DeliverAsync_NextHopFailsTheData_StatusFollowsTheReply(int code, DeliveryStatus expected)
    {
        await using var sink = new SmtpSink { DataReply = new SmtpServer.Protocol.SmtpResponse((SmtpServer.Protocol.SmtpReplyCode)code, "no") };
        await using var delivery = Create(sink.NextHop);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple(), "bob@example.net", "carol@example.net"), CancellationToken.None);

        Assert.All(result.Recipients, r => Assert.Equal(expected, r.Status));
        Assert.All(result.Recipients, r => Assert.Equal(code, r.ReplyCode));
    }

    [Fact]
    public async Task DeliverAsync_NextHopSlowerThanTheDataTimeout_TransientFailure()
    {
        await using var sink = new SmtpSink { DataDelay = TimeSpan.FromSeconds(20) };
        await using var delivery = Create(sink.NextHop, o => o.DataReplyTimeout = TimeSpan.FromMilliseconds(300));

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(DeliveryStatus.TransientFailure, recipient.Status);
        Assert.Contains("Timed out", recipient.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_CallerCancels_Throws()
    {
        await using var sink = new SmtpSink { DataDelay = TimeSpan.FromSeconds(20) };
        await using var delivery = Create(sink.NextHop);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), cancellation.Token));
    }

    [Fact]
    public async Task DeliverAsync_SeveralMessages_OneConnectionReusedWithoutResetDataInTheEnvelopeGroup()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        for (var i = 0; i < 3; i++)
        {
            var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple($"Message {i}")), CancellationToken.None);
            Assert.True(result.AllDelivered, Describe(result));
        }

        Assert.Equal(3, sink.Messages.Count);
        Assert.Equal(1, sink.Sessions);
        Assert.Equal(["EHLO", "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA", "MAIL", "RCPT", "DATA"], sink.Commands);
    }

    [Fact]
    public async Task DeliverAsync_AfterEveryRecipientWasRefused_ResetsThenDeliversOnTheSameConnection()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        var refused = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("first"), "refuse@example.net"), CancellationToken.None);
        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("second"), "bob@example.net"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, Assert.Single(refused.Recipients).Status);
        Assert.True(result.AllDelivered, Describe(result));
        // The sink refuses a DATA without recipients before it executes it; the transaction is reset before the next.
        Assert.Equal(["EHLO", "MAIL", "RCPT", "RSET", "MAIL", "RCPT", "DATA"], sink.Commands);
        Assert.Equal("bob@example.net", Assert.Single(Assert.Single(sink.Messages).Recipients));
        Assert.Equal(1, sink.Sessions);
    }

    [Fact]
    public async Task DeliverAsync_ConnectionIdleTooLong_OpensANewOne()
    {
        await using var sink = new SmtpSink();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var delivery = Create(sink.NextHop, o => o.MaxIdleTime = TimeSpan.FromSeconds(30), time);

        await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("first")), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("second")), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(2, sink.Sessions);
    }

    [Fact]
    public async Task DeliverAsync_PooledConnectionDroppedByTheNextHop_ReconnectsAndDelivers()
    {
        await using var sink = new SmtpSink(idleTimeout: TimeSpan.FromMilliseconds(300));
        await using var delivery = Create(sink.NextHop);
        await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("first")), CancellationToken.None);

        // Wait until the sink has dropped the idle connection that the pool still holds.
        while (sink.Sessions < 1 || sink.ActiveSessions > 0)
        {
            await Task.Delay(50);
        }

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("second")), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal(2, sink.Sessions);
    }

    [Fact]
    public async Task DeliverAsync_PooledConnectionClosedAsTheNextMessageStarts_DeliversOnceOnAFreshConnection()
    {
        await using var nextHop = new ClosingNextHop();
        await using var delivery = Create(nextHop.NextHop);

        var first = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("first")), CancellationToken.None);
        var second = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("second")), CancellationToken.None);

        Assert.True(first.AllDelivered, Describe(first));
        Assert.True(second.AllDelivered, Describe(second));
        Assert.Equal(2, nextHop.Sessions);
        Assert.Collection(nextHop.Messages, m => Assert.Contains("first", m, StringComparison.Ordinal), m => Assert.Contains("second", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverAsync_StartTlsWithSelfSignedCertificateAndValidationOff_DeliversOverTls()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var sink = new SmtpSink(certificate);
        await using var delivery = Create(sink.NextHop, o => o.ValidateCertificate = false);
        var content = TestMessages.Simple();

        var result = await delivery.DeliverAsync(TestMessages.Envelope(content), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        var received = Assert.Single(sink.Messages);
        Assert.True(received.Secure);
        Assert.Equal(content, received.Data);
    }

    [Fact]
    public async Task DeliverAsync_StartTlsWithSelfSignedCertificateAndValidationOn_TransientFailure()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var sink = new SmtpSink(certificate);
        await using var delivery = Create(sink.NextHop);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.Equal(DeliveryStatus.TransientFailure, Assert.Single(result.Recipients).Status);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task DeliverAsync_TlsRequiredButNotOffered_TransientFailure()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop, o => o.TlsPolicy = TlsPolicy.Required);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        var recipient = Assert.Single(result.Recipients);
        Assert.Equal(DeliveryStatus.TransientFailure, recipient.Status);
        Assert.Contains("STARTTLS", recipient.Detail, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task DeliverAsync_TlsOffAndStartTlsOffered_DeliversInPlainText()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var sink = new SmtpSink(certificate);
        await using var delivery = Create(sink.NextHop, o => o.TlsPolicy = TlsPolicy.Off);

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple()), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        Assert.False(Assert.Single(sink.Messages).Secure);
    }

    [Theory]
    [InlineData("bob@example.net>\r\nRSET")]
    [InlineData("bob@example.net\nDATA")]
    [InlineData("")]
    public async Task DeliverAsync_RecipientThatCouldInjectCommands_Throws(string recipient)
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        await Assert.ThrowsAsync<ArgumentException>(
            () => delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple(), recipient), CancellationToken.None));
        Assert.Empty(sink.Messages);
    }

    internal static SmtpNextHopDelivery Create(string nextHop, Action<DeliveryOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new DeliveryOptions { NextHop = nextHop, HeloName = "gateway.test" };
        configure?.Invoke(options);
        return new SmtpNextHopDelivery(Options.Create(options), time ?? TimeProvider.System, NullLogger<SmtpNextHopDelivery>.Instance);
    }

    // A message whose first prefixBytes bytes (headers, then 76-character lines) end in prefixEnd, then after.
    private static byte[] ChunkTestMessage(int prefixBytes, string prefixEnd, string after)
    {
        var text = new System.Text.StringBuilder("From: a@example.com\r\nTo: b@example.net\r\nSubject: chunks\r\n\r\n");
        while (text.Length < prefixBytes - prefixEnd.Length - 78)
        {
            text.Append('x', 76).Append("\r\n");
        }

        text.Append('y', prefixBytes - prefixEnd.Length - text.Length).Append(prefixEnd).Append(after);
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string Describe(DeliveryResult result) =>
        string.Join("; ", result.Recipients.Select(r => $"{r.Recipient}: {r.Status} {r.Detail}"));
}
