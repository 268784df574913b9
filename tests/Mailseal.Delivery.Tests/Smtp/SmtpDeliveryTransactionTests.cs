using Mailseal.Delivery.Tests.Infrastructure;
using Mailseal.Testing.Smtp;
using static Mailseal.Delivery.Tests.Smtp.SmtpNextHopDeliveryTests;

namespace Mailseal.Delivery.Tests.Smtp;

/// <summary>A copy begun before its content is made: the envelope goes ahead, the content follows, or nothing does.</summary>
public sealed class SmtpDeliveryTransactionTests
{
    private static readonly OutboundEnvelope Envelope = new(TestMessages.Sender, ["bob@example.net", "carol@example.net"]);

    [Fact]
    public async Task BeginThenComplete_SinkReceivesTheExactBytesAfterOneEnvelope()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);
        var content = TestMessages.Simple(body: "Grüße.\r\n.dot\r\n");

        DeliveryResult result;
        await using (var transaction = await delivery.BeginAsync(Envelope, CancellationToken.None))
        {
            result = await transaction.CompleteAsync(new MemoryStream(content), CancellationToken.None);
        }

        Assert.True(result.AllDelivered, Describe(result));
        var received = Assert.Single(sink.Messages);
        Assert.Equal(content, received.Data);
        Assert.Equal(["bob@example.net", "carol@example.net"], received.Recipients);
        Assert.Equal(["EHLO", "MAIL", "RCPT", "RCPT", "DATA"], sink.Commands);
    }

    [Fact]
    public async Task Begin_ContentMadeLongerThanTheCommandTimeout_StillDelivered()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop, o => o.CommandTimeout = TimeSpan.FromMilliseconds(300));

        await using var transaction = await delivery.BeginAsync(Envelope, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(900)); // a large message being sealed on busy cores
        var result = await transaction.CompleteAsync(new MemoryStream(TestMessages.Simple()), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task Begin_NoConnectionFreeWithinTheTotalTimeout_TransientFailureWithoutASecondAttempt()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop, o =>
        {
            o.PoolSize = 1;
            o.TotalTimeout = TimeSpan.FromMilliseconds(500);
        });
        var holding = await delivery.BeginAsync(Envelope, CancellationToken.None);

        await using var waiting = await delivery.BeginAsync(Envelope, CancellationToken.None);
        await holding.DisposeAsync(); // the connection is free again: completing must not start over with a time of its own
        var result = await waiting.CompleteAsync(new MemoryStream(TestMessages.Simple("second")), CancellationToken.None);

        Assert.All(result.Recipients, r => Assert.Equal(DeliveryStatus.TransientFailure, r.Status));
        Assert.All(result.Recipients, r => Assert.Contains("Timed out", r.Detail, StringComparison.Ordinal));
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Begin_DisposedWithoutCompleting_DeliversNothingAndTheNextCopyGoesOnANewConnection()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        await using (await delivery.BeginAsync(Envelope, CancellationToken.None))
        {
            // The content could not be made (sealing refused, a key unavailable): the transaction is dropped.
        }

        var result = await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("second")), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        Assert.Contains("second", System.Text.Encoding.UTF8.GetString(Assert.Single(sink.Messages).Data), StringComparison.Ordinal);
        Assert.Equal(2, sink.Sessions);
    }

    [Fact]
    public async Task Begin_EveryRecipientRefused_CompleteSendsNoData()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        await using var transaction = await delivery.BeginAsync(new OutboundEnvelope(TestMessages.Sender, ["refuse@example.net"]), CancellationToken.None);
        var result = await transaction.CompleteAsync(new MemoryStream(TestMessages.Simple()), CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, Assert.Single(result.Recipients).Status);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Begin_NextHopDown_CompleteReportsATransientFailureForEach()
    {
        await using var delivery = Create($"127.0.0.1:{ClosedPort()}");

        await using var transaction = await delivery.BeginAsync(Envelope, CancellationToken.None);
        var result = await transaction.CompleteAsync(new MemoryStream(TestMessages.Simple()), CancellationToken.None);

        Assert.Equal(2, result.Recipients.Count);
        Assert.All(result.Recipients, r => Assert.Equal(DeliveryStatus.TransientFailure, r.Status));
    }

    [Fact]
    public async Task Begin_OnAPooledConnectionClosedAsTheEnvelopeArrives_DeliversOnceOnAFreshConnection()
    {
        await using var nextHop = new ClosingNextHop();
        await using var delivery = Create(nextHop.NextHop);
        await delivery.DeliverAsync(TestMessages.Envelope(TestMessages.Simple("first")), CancellationToken.None);

        await using var transaction = await delivery.BeginAsync(new OutboundEnvelope(TestMessages.Sender, ["bob@example.net"]), CancellationToken.None);
        var result = await transaction.CompleteAsync(new MemoryStream(TestMessages.Simple("second")), CancellationToken.None);

        Assert.True(result.AllDelivered, Describe(result));
        Assert.Equal(2, nextHop.Sessions);
        Assert.Collection(nextHop.Messages, m => Assert.Contains("first", m, StringComparison.Ordinal), m => Assert.Contains("second", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Begin_RecipientThatCouldInjectCommands_ThrowsBeforeAnythingIsWritten()
    {
        await using var sink = new SmtpSink();
        await using var delivery = Create(sink.NextHop);

        await Assert.ThrowsAsync<ArgumentException>(() => delivery.BeginAsync(
            new OutboundEnvelope(TestMessages.Sender, ["bob@example.net>\r\nRSET"]), CancellationToken.None));
        Assert.Equal(0, sink.Sessions);
    }
}
