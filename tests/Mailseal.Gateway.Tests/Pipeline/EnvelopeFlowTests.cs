using Mailseal.Core.Rules;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Tests.Front;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Mailseal.Gateway.Tests.Pipeline.PipelineMessages;

namespace Mailseal.Gateway.Tests.Pipeline;

public sealed class EnvelopeFlowTests
{
    private static TransportRule UnsealInternal() =>
        Rule("Unseal for us", new RuleActions { RemoveOme = true }, RulePredicate.Of("SentToScope", "InOrganization"));

    [Fact]
    public async Task HandleAsync_ReplyEnvelopeWithRemoveOme_DeliversInnerAloneWithTrace()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(UnsealInternal());
        var reply = Message("Re: Figures", "reply1@example.net", from: ExternalRecipient);
        var (wrapper, inner) = await SealAsync(gateway, reply, ExternalRecipient, InternalRecipient);
        using var client = await gateway.ConnectAsync();

        Assert.Null(await TrySendAsync(client, wrapper, ExternalRecipient, InternalRecipient));

        var file = gateway.DeliveredTo(InternalRecipient);
        Assert.Equal(inner, file.Message[^inner.Length..]);
        var trace = file.Text[..^inner.Length];
        Assert.StartsWith("Received: ", trace, StringComparison.Ordinal);
        Assert.Contains("X-Mailseal-Unsealed: envelope ", trace, StringComparison.Ordinal);
        Assert.Contains($"mailseal=pass header.from={ExternalRecipient}", trace, StringComparison.Ordinal);
        Assert.DoesNotContain("message.html", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ForgedMark_IsSealedLikeAnyMessage()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal());
        var forged = Message();
        forged.Headers.Add("X-Mailseal-Envelope", "1");
        var body = new BodyBuilder { TextBody = Body };
        body.Attachments.Add("message.html", "<html><input name=\"envelope\" value=\"AAAA\"></html>"u8.ToArray(), new ContentType("text", "html"));
        forged.Body = body.ToMessageBody();
        using var client = await gateway.ConnectAsync();

        Assert.Null(await TrySendAsync(client, forged, Sender, ExternalRecipient));

        var file = gateway.DeliveredTo(ExternalRecipient);
        Assert.DoesNotContain("quarterly figures", file.Text, StringComparison.Ordinal);
        Assert.Equal(MailKitClients.WireBytes(forged), await PipelineRuleTests.UnsealAsync(gateway, file));
    }

    [Fact]
    public async Task HandleAsync_OwnVerifiedEnvelope_IsNotSealedAgain()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal());
        var (wrapper, inner) = await SealAsync(gateway, Message(), Sender, ExternalRecipient);
        using var client = await gateway.ConnectAsync();

        Assert.Null(await TrySendAsync(client, wrapper, Sender, ExternalRecipient));

        var file = gateway.DeliveredTo(ExternalRecipient);
        Assert.Equal(inner, await PipelineRuleTests.UnsealAsync(gateway, file));
    }

    [Fact]
    public async Task HandleAsync_Thread_AnswerToUnsealedReplyLeavesSealed()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(Rule("Secret", new RuleActions { ApplyOme = true }, RulePredicate.Of("SubjectContainsWords", "secret")));
        await gateway.AddRuleAsync(UnsealInternal() with { Priority = 1 });
        using var client = await gateway.ConnectAsync();

        Assert.Null(await TrySendAsync(client, Message("The secret plan", "m1@example.org"), Sender, ExternalRecipient));
        var reply = Message("Re: The plan", "reply1@example.net", from: ExternalRecipient);
        reply.InReplyTo = "m1@example.org";
        var (wrapper, _) = await SealAsync(gateway, reply, ExternalRecipient, Sender);
        Assert.Null(await TrySendAsync(client, wrapper, ExternalRecipient, Sender));
        var answer = Message("Re: Re: The plan", "m2@example.org");
        answer.InReplyTo = "reply1@example.net";
        answer.References.Add("m1@example.org");
        answer.References.Add("reply1@example.net");
        Assert.Null(await TrySendAsync(client, answer, Sender, ExternalRecipient));

        var files = gateway.Delivered();
        Assert.Equal(3, files.Count);
        Assert.DoesNotContain("quarterly figures", files[0].Text, StringComparison.Ordinal);
        Assert.Contains("X-Mailseal-Unsealed", files[1].Text, StringComparison.Ordinal);
        Assert.Contains("quarterly figures", files[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("quarterly figures", files[2].Text, StringComparison.Ordinal);
        Assert.Equal(MailKitClients.WireBytes(answer), await PipelineRuleTests.UnsealAsync(gateway, files[2]));
    }

    [Fact]
    public async Task HandleAsync_ThreadRuleOff_AnswerLeavesPlain()
    {
        await using var gateway = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Gateway:Pipeline:KeepThreadsSealed"] = "false" });
        await gateway.AddRuleAsync(Rule("Secret", new RuleActions { ApplyOme = true }, RulePredicate.Of("SubjectContainsWords", "secret")));
        using var client = await gateway.ConnectAsync();
        Assert.Null(await TrySendAsync(client, Message("The secret plan", "m1@example.org"), Sender, ExternalRecipient));
        var answer = Message("Re: The plan", "m2@example.org");
        answer.InReplyTo = "m1@example.org";

        Assert.Null(await TrySendAsync(client, answer, Sender, ExternalRecipient));

        Assert.Contains("quarterly figures", gateway.Delivered()[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_Submission_NotSealedAgainButUnsealedForInternal()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        await gateway.AddRuleAsync(SealExternal());
        await gateway.AddRuleAsync(UnsealInternal() with { Priority = 1 });
        var (wrapper, inner) = await SealAsync(gateway, Message("Re: x", "r@example.net", from: ExternalRecipient), ExternalRecipient, InternalRecipient);
        using var client = await gateway.ConnectAsync(FrontProtocol.Submission);

        Assert.Null(await TrySendAsync(client, Message(), Sender, ExternalRecipient));
        Assert.Null(await TrySendAsync(client, wrapper, ExternalRecipient, InternalRecipient));

        Assert.Contains("quarterly figures", gateway.DeliveredTo(ExternalRecipient).Text, StringComparison.Ordinal);
        Assert.Equal(inner, gateway.DeliveredTo(InternalRecipient).Message[^inner.Length..]);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Reject", false)]
    public async Task HandleAsync_ReadReceiptMatchingSealRule_FollowsSetting(string? setting, bool delivered)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
        {
            settings["Gateway:Pipeline:NonOrdinaryMessages"] = setting;
        }

        await using var gateway = await GatewayHarness.StartAsync(settings: settings);
        await gateway.AddRuleAsync(SealExternal());
        var receipt = Message("Read: Figures");
        var report = new Multipart("report") { new TextPart("plain") { Text = "Your message was read." } };
        report.ContentType.Parameters["report-type"] = "disposition-notification";
        receipt.Body = report;
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, receipt, Sender, ExternalRecipient);

        Assert.Equal(delivered, error is null);
        Assert.Equal(delivered ? 1 : 0, gateway.Delivered().Count);
        if (delivered)
        {
            Assert.Contains("Your message was read.", gateway.Delivered()[0].Text, StringComparison.Ordinal);
        }
    }

    /// <summary>Seals as the portal does: the wrapper to send, and the inner bytes it must give back.</summary>
    internal static async Task<(MimeMessage Wrapper, byte[] Inner)> SealAsync(GatewayHarness gateway, MimeMessage message, string sender, params string[] recipients)
    {
        var inner = MailKitClients.WireBytes(message);
        using var output = new MemoryStream();
        await gateway.Services.GetRequiredService<MessageSealer>().SealAsync(new MemoryStream(inner), new MessageSealRequest(sender, recipients), output);
        output.Position = 0;
        return (await MimeMessage.LoadAsync(output), inner);
    }
}
