using Mailseal.Gateway.Front;
using Mailseal.Gateway.Tests.Front;
using Mailseal.Testing;
using Mailseal.Testing.Smtp;
using static Mailseal.Gateway.Tests.Pipeline.PipelineMessages;

namespace Mailseal.Gateway.Tests.Pipeline;

/// <summary>
/// Faults at a real next hop (an SMTP server on loopback) through the real <c>SmtpNextHopDelivery</c>: the gateway
/// answers 4xx so that the sending MTA keeps the message, and over LMTP only the refused recipient.
/// </summary>
public sealed class NextHopTests
{
    [Fact]
    public async Task HandleAsync_NextHopDown_Answers451ThenDeliversOnceItIsBack()
    {
        var port = LoopbackPorts.Free();
        await using var gateway = await GatewayHarness.StartAsync(settings: NextHop($"127.0.0.1:{port}"));
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient, InternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(451, (int)error.StatusCode);
        Assert.Contains("4.4.0", error.Message, StringComparison.Ordinal);
        await using var nextHop = new SmtpSink(port: port);
        Assert.Null(await TrySendAsync(client, Message(), Sender, ExternalRecipient, InternalRecipient));
        Assert.DoesNotContain("quarterly figures", Assert.Single(nextHop.To(ExternalRecipient)).Text, StringComparison.Ordinal);
        Assert.Contains("quarterly figures", Assert.Single(nextHop.To(InternalRecipient)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NextHopDefersOneCopyOverLmtp_OnlyThatRecipientGets4xx()
    {
        await using var nextHop = new SmtpSink();
        await using var gateway = await StartDeferringInternalAsync(nextHop);
        var port = gateway.Front.Listeners.First(l => l.Protocol == FrontProtocol.Lmtp).EndPoint.Port;
        await using var client = await RawSmtpClient.ConnectAsync(port);
        await client.CommandAsync("LHLO mta.example");
        await client.CommandAsync($"MAIL FROM:<{Sender}>");
        await client.CommandAsync($"RCPT TO:<{ExternalRecipient}>");
        await client.CommandAsync($"RCPT TO:<{InternalRecipient}>");
        await client.CommandAsync("DATA");
        await client.SendAsync($"From: {Sender}\r\nSubject: Figures\r\n\r\n{Body}.\r\n");

        Assert.StartsWith("250 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("450 4.2.1", await client.ReadReplyAsync(), StringComparison.Ordinal);
        var sealedCopy = Assert.Single(nextHop.Messages);
        Assert.Equal([ExternalRecipient], sealedCopy.Recipients);
        Assert.DoesNotContain("quarterly figures", sealedCopy.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NextHopDefersOneCopyOverSmtp_WholeMessageGets4xx()
    {
        await using var nextHop = new SmtpSink();
        await using var gateway = await StartDeferringInternalAsync(nextHop);
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient, InternalRecipient);

        // One reply for both copies: the sealed one went out, and goes again at the retry (docs/postfix.md).
        Assert.NotNull(error);
        Assert.Equal(450, (int)error.StatusCode);
        Assert.Single(nextHop.To(ExternalRecipient));
        Assert.Empty(nextHop.To(InternalRecipient));
    }

    private static Dictionary<string, string?> NextHop(string address) => new() { ["Delivery:NextHop"] = address };

    // A gateway that seals for outside recipients and relays to nextHop, which defers the internal recipient.
    private static async Task<GatewayHarness> StartDeferringInternalAsync(SmtpSink nextHop)
    {
        nextHop.Defer(InternalRecipient);
        var gateway = await GatewayHarness.StartAsync(settings: NextHop(nextHop.NextHop));
        await gateway.AddRuleAsync(SealExternal());
        return gateway;
    }
}
