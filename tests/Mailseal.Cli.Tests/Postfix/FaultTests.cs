using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mailseal.Testing;
using Mailseal.Testing.Databases;
using Mailseal.Testing.Smtp;
using Npgsql;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>
/// Faults behind a real Postfix: the gateway's next hop (here the sink, as an organisation's mailbox server would be)
/// down or refusing a copy, the gateway killed in the middle of DATA, its store or keys unusable. Postfix keeps the message
/// until the gateway answers 250, and nothing arrives in plain text that should be sealed, nor twice over LMTP.
/// </summary>
[Collection(PostfixTests.Name)]
public sealed class FaultTests(PostfixFixture fixture, PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Data => _temp.Combine("data");

    private PostfixPorts Ports => fixture.Postfix.Ports;

    private PostfixInstance Postfix => fixture.Postfix;

    [Fact]
    public async Task Lmtp_NextHopDown_DeferredWith4xxThenDeliveredOnceBack()
    {
        await MailFlow.SetUpAsync(Data);
        var nextHopPort = LoopbackPorts.Free();
        await using var gateway = await GatewayProcess.StartAsync(Data, Ports, $"127.0.0.1:{nextHopPort}");
        const string external = "bob.down@example.net";
        const string internalRecipient = "carol.down@example.org";

        await MailFlow.SubmitAsync(Ports.SubmitLmtp, MailFlow.Message("down@example.org"), MailFlow.Sender, external, internalRecipient);

        var deferred = await WaitForDeferredAsync(external, internalRecipient);
        Assert.All(deferred.Recipients, r => Assert.Contains("said: 451 4.4.0", r.DelayReason, StringComparison.Ordinal));
        await using var nextHop = new SmtpSink(port: nextHopPort);
        await Postfix.FlushAsync();
        await Postfix.WaitUntilQueueEmptyAsync();
        AssertSealed(Assert.Single(nextHop.To(external)));
        Assert.Contains(MailFlow.Secret, Assert.Single(nextHop.To(internalRecipient)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lmtp_NextHopDefersOneCopy_OnlyThatRecipientRetriedNoDuplicate()
    {
        await using var nextHop = new SmtpSink();

        var deferred = await DeliverWhileInternalCopyDeferredAsync(nextHop, Ports.SubmitLmtp, "split");

        Assert.Equal(["carol.split@example.org"], deferred.Recipients.Select(r => r.Address));
        AssertSealed(Assert.Single(nextHop.To("bob.split@example.net")));
        Assert.Contains(MailFlow.Secret, Assert.Single(nextHop.To("carol.split@example.org")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_NextHopDefersOneCopy_WholeMessageRetriedSealedCopyTwiceNeverLost()
    {
        await using var nextHop = new SmtpSink();

        var deferred = await DeliverWhileInternalCopyDeferredAsync(nextHop, Ports.SubmitSmtp, "smtpsplit");

        // Over SMTP one reply covers both copies: the 4xx makes Postfix retry both (docs/postfix.md).
        Assert.Equal(2, deferred.Recipients.Count);
        Assert.True(nextHop.To("bob.smtpsplit@example.net").Count >= 2, "the sealed copy was delivered at the first try and again at the retry");
        Assert.All(nextHop.To("bob.smtpsplit@example.net"), AssertSealed);
        Assert.Single(nextHop.To("carol.smtpsplit@example.org"));
    }

    [Fact]
    public async Task Lmtp_GatewayKilledInTheMiddleOfData_RetriedAfterRestartArrivesExactlyOnce()
    {
        await MailFlow.SetUpAsync(Data);
        await using var nextHop = new SmtpSink();
        var spools = _temp.Combine("spools");
        Directory.CreateDirectory(spools);
        var environment = new Dictionary<string, string> { ["TMPDIR"] = spools };
        var gateway = await GatewayProcess.StartAsync(Data, Ports, nextHop.NextHop, environment);
        const string internalRecipient = "carol.kill@example.org";
        var message = MailFlow.Message("kill@example.org", LargeBody(30 * 1024 * 1024));
        var messageBytes = ContentFilterTests.WireBytes(message).Length;

        try
        {
            // Frozen before Postfix connects, then moved on in small steps until it has read part of the message:
            // killed there, it has sent nothing onward, so a second copy at the next hop would be a real duplicate.
            gateway.Suspend();
            await MailFlow.SubmitAsync(Ports.SubmitLmtp, message, MailFlow.Sender, internalRecipient);
            var received = await Eventually.WaitAsync(
                async () =>
                {
                    await gateway.StepAsync();
                    return (await gateway.OpenSpoolSizesAsync()).Where(size => size > 0).Cast<long?>().FirstOrDefault() is { } size
                        ? new ReceivedBytes(size)
                        : null;
                },
                "the gateway to receive part of the message",
                Postfix.DescribeAsync);
            Assert.InRange(received.Value, 1, messageBytes - 1);
            await gateway.KillAsync();
        }
        finally
        {
            await gateway.DisposeAsync();
        }

        var deferred = await WaitForDeferredAsync(internalRecipient);
        // The queue shows only the latest attempt's reason, and Postfix may already have retried against the dead
        // gateway; the log keeps what the killed session itself ended with.
        Assert.Matches(
            $@"{deferred.QueueId}: to=<{Regex.Escape(internalRecipient)}>, .* status=deferred \(lost connection with 127\.0\.0\.1",
            Postfix.Log());
        Assert.Empty(nextHop.Messages);
        Assert.Empty(Directory.EnumerateFiles(spools, ".mailseal-*"));

        await using var restarted = await GatewayProcess.StartAsync(Data, Ports, nextHop.NextHop, environment);
        await Postfix.FlushAsync();
        await Postfix.WaitUntilQueueEmptyAsync();
        var delivered = Assert.Single(nextHop.Messages);
        Assert.Equal([internalRecipient], delivered.Recipients);
        var wire = ContentFilterTests.WireBytes(message);
        Assert.Equal(SHA256.HashData(wire.AsSpan(HeaderEnd(wire))), SHA256.HashData(delivered.Data.AsSpan(HeaderEnd(delivered.Data))));
    }

    [Fact]
    public async Task Lmtp_KeysUnusable_SealedRecipientDeferredNeverPlainInternalDelivered()
    {
        await MailFlow.SetUpAsync(Data);
        await using var nextHop = new SmtpSink();
        const string external = "bob.nokey@example.net";
        const string internalRecipient = "carol.nokey@example.org";
        // Another key-encryption key than the one the keys were sealed under: the private keys cannot be opened.
        var wrongKek = new Dictionary<string, string> { ["MAILSEAL_KEK"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        await using (var gateway = await GatewayProcess.StartAsync(Data, Ports, nextHop.NextHop, wrongKek))
        {
            await MailFlow.SubmitAsync(Ports.SubmitLmtp, MailFlow.Message("nokey@example.org"), MailFlow.Sender, external, internalRecipient);

            var deferred = await WaitForDeferredAsync(external);
            Assert.Matches(@"said: 4\d\d 4\.\d+\.\d+ ", Assert.Single(deferred.Recipients).DelayReason);
            Assert.Empty(nextHop.To(external));
            Assert.Contains(MailFlow.Secret, Assert.Single(nextHop.To(internalRecipient)).Text, StringComparison.Ordinal);
        }

        await using var fixedGateway = await GatewayProcess.StartAsync(Data, Ports, nextHop.NextHop);
        await Postfix.FlushAsync();
        await Postfix.WaitUntilQueueEmptyAsync();
        AssertSealed(Assert.Single(nextHop.To(external)));
        Assert.Single(nextHop.To(internalRecipient));
    }

    [Fact]
    public async Task Lmtp_StoreUnreachable_DeferredNothingSentThenDeliveredOnceBack()
    {
        var database = new NpgsqlConnectionStringBuilder(await postgres.GetConnectionStringAsync());
        await using var relay = new TcpRelay(new IPEndPoint(IPAddress.Parse(database.Host!), database.Port));
        database.Host = "127.0.0.1";
        database.Port = relay.Port;
        var environment = new Dictionary<string, string>
        {
            ["MAILSEAL_Storage__Provider"] = "Postgres",
            ["MAILSEAL_Storage__ConnectionString"] = database.ConnectionString,
            ["MAILSEAL_KEK"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        await MailFlow.SetUpAsync(Data, environment);
        await using var nextHop = new SmtpSink();
        await using var gateway = await GatewayProcess.StartAsync(Data, Ports, nextHop.NextHop, environment);
        const string external = "bob.nostore@example.net";
        const string internalRecipient = "carol.nostore@example.org";

        relay.Cut();
        await MailFlow.SubmitAsync(Ports.SubmitLmtp, MailFlow.Message("nostore@example.org"), MailFlow.Sender, external, internalRecipient);

        var deferred = await WaitForDeferredAsync(external, internalRecipient);
        Assert.All(deferred.Recipients, r => Assert.Contains("said: 451 4.3.0", r.DelayReason, StringComparison.Ordinal));
        Assert.Empty(nextHop.Messages);
        relay.Restore();
        await Postfix.FlushAsync();
        await Postfix.WaitUntilQueueEmptyAsync();
        AssertSealed(Assert.Single(nextHop.To(external)));
        Assert.Single(nextHop.To(internalRecipient));
    }

    public void Dispose() => _temp.Dispose();

    private static void AssertSealed(ReceivedMessage message)
    {
        Assert.Contains("message.html", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(MailFlow.Secret, message.Text, StringComparison.Ordinal);
    }

    private static string LargeBody(int bytes)
    {
        var line = string.Concat(Enumerable.Repeat("0123456789", 7)) + "\r\n";
        return new StringBuilder(bytes + line.Length).Insert(0, line, bytes / line.Length).Append("The end.\r\n").ToString();
    }

    // Where the body starts: the gateway and Postfix add trace fields, the body must arrive unchanged.
    private static int HeaderEnd(byte[] message) => message.AsSpan().IndexOf("\r\n\r\n"u8) + 4;

    // Sends to bob.TAG@example.net (sealed) and carol.TAG@example.org (plain) while the next hop defers carol; once
    // Postfix has deferred, lets the next hop accept her and waits until everything is delivered. Returns the deferral.
    private async Task<QueuedMessage> DeliverWhileInternalCopyDeferredAsync(SmtpSink nextHop, int submitPort, string tag)
    {
        await MailFlow.SetUpAsync(Data);
        await using var gateway = await GatewayProcess.StartAsync(Data, Ports, nextHop.NextHop);
        var internalRecipient = $"carol.{tag}@example.org";
        nextHop.Defer(internalRecipient);

        await MailFlow.SubmitAsync(submitPort, MailFlow.Message($"{tag}@example.org"), MailFlow.Sender, $"bob.{tag}@example.net", internalRecipient);

        var deferred = await Eventually.WaitAsync(
            async () => (await Postfix.QueueAsync()).FirstOrDefault(m => m.Recipients.All(r => !string.IsNullOrEmpty(r.DelayReason))),
            "Postfix to defer the message",
            Postfix.DescribeAsync);
        Assert.All(deferred.Recipients, r => Assert.Contains("said: 450 4.2.1", r.DelayReason, StringComparison.Ordinal));
        nextHop.Accept(internalRecipient);
        await Postfix.FlushAsync();
        await Postfix.WaitUntilQueueEmptyAsync();
        return deferred;
    }

    // Waits until Postfix holds a deferred message for exactly these recipients, with the reason it got.
    private Task<QueuedMessage> WaitForDeferredAsync(params string[] recipients) =>
        Eventually.WaitAsync(
            async () => (await Postfix.QueueAsync()).FirstOrDefault(m =>
                m.Recipients.Select(r => r.Address).Order().SequenceEqual(recipients.Order())
                && m.Recipients.All(r => !string.IsNullOrEmpty(r.DelayReason))),
            $"Postfix to defer the message for {string.Join(", ", recipients)}",
            Postfix.DescribeAsync);

    private sealed record ReceivedBytes(long Value);
}
