using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Delivery;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Tests.Front;
using Mailseal.Protection;
using Microsoft.Extensions.DependencyInjection;
using static Mailseal.Gateway.Tests.Pipeline.PipelineMessages;

namespace Mailseal.Gateway.Tests.Pipeline;

public sealed class FailClosedTests
{
    [Fact]
    public async Task HandleAsync_DeliveryThrowsOnSealedCopy_Answers451NothingDelivered()
    {
        await using var gateway = await GatewayHarness.StartAsync(s => s.AddSingleton<IMessageDelivery, FailingParts.ThrowingDelivery>());
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(451, (int)error.StatusCode);
        Assert.Empty(gateway.Delivered());
    }

    [Fact]
    public async Task HandleAsync_NextHopDefers_AnswersItsTransientCode()
    {
        await using var gateway = await GatewayHarness.StartAsync(s => s.AddSingleton<IMessageDelivery, FailingParts.DeferringDelivery>());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(421, (int)error.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_NoKeys_Answers4xxAndNoPlainTextForSealedRecipient()
    {
        await using var gateway = await GatewayHarness.StartAsync(createKeys: false);
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.InRange((int)error.StatusCode, 400, 499);
        Assert.DoesNotContain(gateway.Delivered(), f => f.Text.Contains("quarterly figures", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_NoKeysOverLmtp_InternalDeliveredExternalDeferred()
    {
        await using var gateway = await GatewayHarness.StartAsync(createKeys: false);
        await gateway.AddRuleAsync(SealExternal());
        var port = gateway.Front.Listeners.First(l => l.Protocol == FrontProtocol.Lmtp).EndPoint.Port;
        await using var client = await RawSmtpClient.ConnectAsync(port);
        await client.CommandAsync("LHLO mta.example");
        await client.CommandAsync($"MAIL FROM:<{Sender}>");
        await client.CommandAsync($"RCPT TO:<{InternalRecipient}>");
        await client.CommandAsync($"RCPT TO:<{ExternalRecipient}>");
        await client.CommandAsync("DATA");
        await client.SendAsync($"From: {Sender}\r\nSubject: Figures\r\n\r\n{Body}.\r\n");
        Assert.StartsWith("250 ", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("451 ", await client.ReadReplyAsync(), StringComparison.Ordinal);

        var files = gateway.Delivered();
        var only = Assert.Single(files);
        Assert.Equal([InternalRecipient], only.Receivers);
    }

    [Fact]
    public async Task HandleAsync_RuleStoreThrows_Answers451NothingDelivered()
    {
        await using var gateway = await GatewayHarness.StartAsync(s => s.AddSingleton<ITransportRuleStore, FailingParts.ThrowingRuleStore>());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(451, (int)error.StatusCode);
        Assert.Empty(gateway.Delivered());
    }

    [Fact]
    public async Task HandleAsync_SpoolBreaksWhileSealing_Answers451NoPlainText()
    {
        var spools = 0;
        await using var gateway = await GatewayHarness.StartAsync(s => s.AddSingleton<SpoolFactory>(
            () => Interlocked.Increment(ref spools) > 0 ? throw new IOException("disk full") : new MemoryStream()));
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(451, (int)error.StatusCode);
        Assert.Empty(gateway.Delivered());
    }

    [Fact]
    public async Task HandleAsync_SenderMayNotEncrypt_Answers550NoPlainText()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddUserAsync(new OrganizationUser { Address = Sender, MaySendEncrypted = false });
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(550, (int)error.StatusCode);
        Assert.Empty(gateway.Delivered());
    }

    [Fact]
    public async Task HandleAsync_TooManyRecipientsToSeal_Answers550553()
    {
        await using var gateway = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Protection:MaxRecipients"] = "1" });
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient, "dave@example.net");

        Assert.NotNull(error);
        Assert.Equal(550, (int)error.StatusCode);
        Assert.Contains("Too many recipients", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Delivered());
    }

    [Fact]
    public async Task HandleAsync_TooLargeToSeal_Answers552()
    {
        await using var gateway = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Protection:MaxMessageBytes"] = "100" });
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(552, (int)error.StatusCode);
        Assert.Empty(gateway.Delivered());
    }

    [Fact]
    public async Task HandleAsync_ToTooLongToSeal_Answers554560()
    {
        await using var gateway = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Protection:MaxToHeaderLength"] = "10" });
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message(), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(554, (int)error.StatusCode);
        Assert.Contains("To header too long", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Delivered());
    }
}
