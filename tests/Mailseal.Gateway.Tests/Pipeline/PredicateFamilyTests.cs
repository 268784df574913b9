using Mailseal.Core.Rules;
using Mailseal.Gateway.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static Mailseal.Gateway.Tests.Pipeline.PipelineMessages;

namespace Mailseal.Gateway.Tests.Pipeline;

/// <summary>One end-to-end case per predicate family, as condition and as exception (the evaluator's tests cover the details).</summary>
public sealed class PredicateFamilyTests
{
    public static TheoryData<string, string?, string> Predicates => new()
    {
        { "From", null, Sender },
        { "FromScope", null, "InOrganization" },
        { "SenderDomainIs", null, "example.org" },
        { "FromAddressContainsWords", null, "alice" },
        { "FromAddressMatchesPatterns", null, "^ali" },
        { "SentTo", null, ExternalRecipient },
        { "AnyOfRecipientAddressContainsWords", null, "bob" },
        { "AnyOfRecipientAddressMatchesPatterns", null, "net$" },
        { "SubjectMatchesPatterns", null, "^Fig" },
        { "SubjectOrBodyContainsWords", null, "quarterly" },
        { "SubjectOrBodyMatchesPatterns", null, "figures are" },
        { "HeaderContainsWords", "X-Project", "apollo" },
        { "HeaderMatchesPatterns", "X-Project", "^apo" },
        { "AttachmentNameMatchesPatterns", null, "report" },
        { "AttachmentExtensionMatchesWords", null, "pdf" },
        { "AttachmentSizeOver", null, "10B" },
        { "MessageSizeOver", null, "100B" },
        { "MessageTypeMatches", null, "Signed" },
    };

    [Theory]
    [MemberData(nameof(Predicates))]
    public async Task HandleAsync_PredicateAsConditionOrException_DecidesTheRule(string name, string? header, string value)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var gateway = await GatewayHarness.StartAsync(s => s.AddSingleton<TimeProvider>(time));
        var predicate = new RulePredicate { Name = name, Header = header, Values = [value] };
        await gateway.AddRuleAsync(Rule("Condition", new RuleActions { RejectMessageReasonText = "matched" }, predicate) with { Priority = 0 });
        await gateway.AddRuleAsync(new TransportRule
        {
            Name = "Seal unless",
            Priority = 1,
            Exceptions = [predicate],
            Actions = new RuleActions { ApplyOme = true },
        });
        using var client = await gateway.ConnectAsync();

        var error = await TrySendAsync(client, Probe(), Sender, ExternalRecipient);
        Assert.NotNull(error);
        Assert.Contains("matched", error.Message, StringComparison.Ordinal);

        await gateway.Services.GetRequiredService<ITransportRuleStore>().RemoveAsync("Condition");
        time.Advance(gateway.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.PolicyRefreshInterval);
        Assert.Null(await TrySendAsync(client, Probe(), Sender, ExternalRecipient));
        Assert.Contains("quarterly figures", Assert.Single(gateway.Delivered()).Text, StringComparison.Ordinal);
    }

    /// <summary>A signed message with a PDF attachment and an X-Project header: every predicate above holds for it.</summary>
    private static MimeMessage Probe()
    {
        var message = Message();
        message.Headers.Add("X-Project", "apollo");
        var body = new BodyBuilder { TextBody = Body };
        body.Attachments.Add("report.pdf", new byte[64], new ContentType("application", "pdf"));
        var signed = new Multipart("signed") { body.ToMessageBody(), new MimePart("application", "pkcs7-signature") { Content = new MimeContent(new MemoryStream(new byte[16])) } };
        signed.ContentType.Parameters["protocol"] = "application/pkcs7-signature";
        message.Body = signed;
        return message;
    }
}
