using Mailseal.Core.Rules;
using Mailseal.Gateway.Tests.Front;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Mailseal.Gateway.Tests.Pipeline.PipelineMessages;

namespace Mailseal.Gateway.Tests.Pipeline;

public sealed class PipelineRuleTests
{
    [Fact]
    public async Task HandleAsync_NoRuleMatches_DeliversUnchangedWithReceived()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        using var client = await gateway.ConnectAsync();
        var message = Message();
        Assert.Null(await TrySendAsync(client, message, Sender, ExternalRecipient));

        var file = gateway.DeliveredTo(ExternalRecipient);
        Assert.StartsWith("Received: from client.test.example", file.Text, StringComparison.Ordinal);
        Assert.Contains("(Mailseal) with ESMTP id", file.Text, StringComparison.Ordinal);
        var wire = MailKitClients.WireBytes(message);
        Assert.Equal(wire, file.Message[^wire.Length..]);
        var prefix = System.Text.Encoding.ASCII.GetString(file.Message[..^wire.Length]);
        Assert.Equal(3, prefix.Split("\r\n").Length - 1);
    }

    [Fact]
    public async Task HandleAsync_SealExternalRule_BifurcatesInternalPlainExternalSealed()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();
        var message = Message();
        Assert.Null(await TrySendAsync(client, message, Sender, InternalRecipient, ExternalRecipient));

        Assert.Equal(2, gateway.Delivered().Count);
        var plain = gateway.DeliveredTo(InternalRecipient);
        Assert.Equal([InternalRecipient], plain.Receivers);
        Assert.Contains("quarterly figures", plain.Text, StringComparison.Ordinal);
        var sealedCopy = gateway.DeliveredTo(ExternalRecipient);
        Assert.Equal([ExternalRecipient], sealedCopy.Receivers);
        Assert.DoesNotContain("quarterly figures", sealedCopy.Text, StringComparison.Ordinal);
        Assert.Contains("X-Mailseal-Envelope", sealedCopy.Text, StringComparison.Ordinal);
        Assert.Equal(MailKitClients.WireBytes(message), await UnsealAsync(gateway, sealedCopy));
    }

    [Fact]
    public async Task HandleAsync_RejectRule_Answers5xxAndDeliversNothing()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(Rule("No secrets", new RuleActions { RejectMessageReasonText = "Secrets stay here", RejectMessageEnhancedStatusCode = "5.7.42" },
            RulePredicate.Of("SubjectContainsWords", "secret")));
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Message("A secret plan"), Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(550, (int)error.StatusCode);
        Assert.Contains("Secrets stay here", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Delivered());
    }

    [Fact]
    public async Task HandleAsync_HeaderActions_RewriteHeadersKeepBodyBytes()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(Rule("Tag", new RuleActions { SetHeaderName = "X-Tag", SetHeaderValue = "checked", PrependSubject = "[ext] " },
            RulePredicate.Of("RecipientDomainIs", "example.net")));
        using var client = await gateway.ConnectAsync();
        var message = Message();
        Assert.Null(await TrySendAsync(client, message, Sender, ExternalRecipient));

        var delivered = MimeMessage.Load(new MemoryStream(gateway.DeliveredTo(ExternalRecipient).Message));
        Assert.Equal("checked", delivered.Headers["X-Tag"]);
        Assert.Equal("[ext] Figures", delivered.Subject);
        var text = gateway.DeliveredTo(ExternalRecipient).Text;
        Assert.EndsWith("\r\n\r\n" + Body, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n\r\n\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AuditModeRule_DeliversPlain()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal() with { Mode = RuleMode.Audit });
        using var client = await gateway.ConnectAsync();
        Assert.Null(await TrySendAsync(client, Message(), Sender, ExternalRecipient));

        Assert.Contains("quarterly figures", gateway.DeliveredTo(ExternalRecipient).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_StopRuleProcessing_LaterSealRuleIgnored()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(Rule("Pass", new RuleActions { SetHeaderName = "X-Passed", SetHeaderValue = "yes" },
            RulePredicate.Of("SubjectContainsWords", "newsletter")) with { Priority = 0, StopRuleProcessing = true });
        await gateway.AddRuleAsync(SealExternal() with { Priority = 1 });
        using var client = await gateway.ConnectAsync();
        Assert.Null(await TrySendAsync(client, Message("Monthly newsletter"), Sender, ExternalRecipient));
        Assert.Null(await TrySendAsync(client, Message("Figures", "m2@example.org"), Sender, ExternalRecipient));

        var files = gateway.Delivered();
        Assert.Equal(2, files.Count);
        Assert.Contains("quarterly figures", files[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("quarterly figures", files[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_TooManyHops_Answers554Loop()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        using var client = await gateway.ConnectAsync();
        var message = Message();
        for (var i = 0; i < 51; i++)
        {
            message.Headers.Add("Received", $"from hop{i}.example by hop{i + 1}.example; Thu, 1 Jan 2026 00:00:00 +0000");
        }

        var error = await TrySendAsync(client, message, Sender, ExternalRecipient);

        Assert.NotNull(error);
        Assert.Equal(554, (int)error.StatusCode);
        Assert.Empty(gateway.Delivered());
    }

    [Theory]
    [InlineData(100, "250")]
    [InlineData(101, "554 5.6.0")]
    public async Task HandleAsync_MimeNesting_LimitedAsPostfix(int levels, string expected)
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var text = new System.Text.StringBuilder("From: alice@example.org\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        for (var i = 0; i < levels; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        }

        text.Append("Content-Type: text/plain\r\n\r\nx\r\n");
        for (var i = levels - 1; i >= 0; i--)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"--b{i}--\r\n");
        }

        var port = gateway.Front.Listeners.First(l => l.Protocol == Mailseal.Gateway.Front.FrontProtocol.Smtp).EndPoint.Port;
        await using var client = await RawSmtpClient.ConnectAsync(port);
        await client.CommandAsync("EHLO client.example");
        await client.CommandAsync("MAIL FROM:<alice@example.org>");
        await client.CommandAsync("RCPT TO:<bob@example.net>");
        await client.CommandAsync("DATA");
        await client.SendAsync(text + ".\r\n");

        Assert.StartsWith(expected, await client.ReadReplyAsync(), StringComparison.Ordinal);
    }

    internal static async Task<byte[]> UnsealAsync(GatewayHarness gateway, PickupFile file)
    {
        using var output = new MemoryStream();
        await gateway.Services.GetRequiredService<MessageUnsealer>().UnsealAsync(new MemoryStream(file.Message), output);
        return output.ToArray();
    }
}
