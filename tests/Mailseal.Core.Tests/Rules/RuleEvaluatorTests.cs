using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Microsoft.Extensions.Time.Testing;

namespace Mailseal.Core.Tests.Rules;

public sealed class RuleEvaluatorTests
{
    private static readonly RulePredicate External = RulePredicate.Of("SentToScope", "NotInOrganization");

    [Fact]
    public void Evaluate_ExternalAndInternalRecipients_SplitsIntoTwoCopies()
    {
        var rule = RuleScenario.Encrypt() with { Conditions = [External] };
        var facts = RuleScenario.Facts(RuleScenario.External, RuleScenario.Internal, "dave@fabrikam.com");

        var evaluation = RuleScenario.Evaluate(facts, RuleScenario.Organization(), rule);

        Assert.Equal(2, evaluation.Copies.Count);
        var sealedCopy = Assert.Single(evaluation.Copies, c => c.Decision.ApplyOme);
        Assert.Equal([RuleScenario.External, "dave@fabrikam.com"], sealedCopy.Recipients);
        var plainCopy = Assert.Single(evaluation.Copies, c => !c.Decision.ApplyOme);
        Assert.Equal([RuleScenario.Internal], plainCopy.Recipients);
        Assert.Equal(RecipientDecision.Unchanged, plainCopy.Decision);
    }

    [Fact]
    public void Evaluate_DifferentTemplatesPerRecipient_SeparateCopies()
    {
        var legal = new TransportRule
        {
            Name = "legal", Conditions = [RulePredicate.Of("RecipientDomainIs", "fabrikam.com")],
            Actions = new RuleActions { ApplyOme = true, ApplyOmeBrandingTemplate = "Legal" },
        };
        var other = new TransportRule
        {
            Name = "other", Priority = 1, Conditions = [RulePredicate.Of("RecipientDomainIs", "tailspin.com")],
            Actions = new RuleActions { ApplyOme = true },
        };
        var facts = RuleScenario.Facts(RuleScenario.External, "tom@tailspin.com", "una@fabrikam.com");

        var copies = RuleScenario.Evaluate(facts, RuleScenario.Organization(), legal, other).Copies;

        Assert.Equal(2, copies.Count);
        Assert.Equal([RuleScenario.External, "una@fabrikam.com"], copies.Single(c => c.Decision.BrandingTemplate == "Legal").Recipients);
        Assert.Equal(["tom@tailspin.com"], copies.Single(c => c.Decision.BrandingTemplate is null).Recipients);
    }

    [Fact]
    public void Evaluate_RecipientIndependentPredicates_OneCopyForAll()
    {
        var rule = RuleScenario.Encrypt() with { Conditions = [RulePredicate.Of("SubjectContainsWords", "payroll")] };
        var facts = RuleScenario.Facts(RuleScenario.External, RuleScenario.Internal);

        var evaluation = RuleScenario.Evaluate(facts, RuleScenario.Organization(), rule);

        var copy = Assert.Single(evaluation.Copies);
        Assert.True(copy.Decision.ApplyOme);
        Assert.Equal(2, copy.Recipients.Count);
    }

    [Fact]
    public void Evaluate_StopRuleProcessing_LaterRulesSkippedForThatRecipientOnly()
    {
        var stop = new TransportRule
        {
            Name = "internal stop", Priority = 0, StopRuleProcessing = true,
            Conditions = [RulePredicate.Of("SentToScope", "InOrganization")],
            Actions = new RuleActions { PrependSubject = "[internal] " },
        };
        var encrypt = RuleScenario.Encrypt(priority: 1);
        var facts = RuleScenario.Facts(RuleScenario.External, RuleScenario.Internal);

        var evaluation = RuleScenario.Evaluate(facts, RuleScenario.Organization(), encrypt, stop);

        var inside = evaluation.Recipients.Single(r => r.Recipient == RuleScenario.Internal);
        Assert.False(inside.Decision.ApplyOme);
        Assert.Equal("[internal] ", inside.Decision.SubjectPrefix);
        Assert.Contains(evaluation.Trace, t => t.RuleName == "encrypt" && t.Recipient == RuleScenario.Internal && t.Step == RuleTraceStep.Skipped);
        Assert.True(evaluation.Recipients.Single(r => r.Recipient == RuleScenario.External).Decision.ApplyOme);
    }

    [Theory]
    [InlineData(RuleMode.Audit)]
    [InlineData(RuleMode.AuditAndNotify)]
    public void Evaluate_AuditModes_RecordMatchWithoutActions(RuleMode mode)
    {
        var rule = RuleScenario.Encrypt() with { Mode = mode, StopRuleProcessing = true };
        var header = new TransportRule { Name = "tag", Priority = 1, Actions = new RuleActions { SetHeaderName = "X-Tag", SetHeaderValue = "1" } };

        var evaluation = RuleScenario.Evaluate(rule, header);

        var outcome = Assert.Single(evaluation.Recipients);
        Assert.False(outcome.Decision.ApplyOme);
        Assert.Equal([new HeaderToSet("X-Tag", "1")], outcome.Decision.Headers);
        Assert.Contains(new RuleMatch("encrypt", 0, mode), outcome.MatchedRules);
        Assert.Equal(mode == RuleMode.AuditAndNotify ? 1 : 0, evaluation.Notifications.Count());
    }

    [Theory]
    [InlineData(RuleState.Disabled, null, null, false)]
    [InlineData(RuleState.Enabled, "2026-06-01T12:00:00Z", null, true)]
    [InlineData(RuleState.Enabled, "2026-06-01T12:00:01Z", null, false)]
    [InlineData(RuleState.Enabled, null, "2026-06-01T12:00:00Z", false)]
    [InlineData(RuleState.Enabled, null, "2026-06-01T12:00:01Z", true)]
    public void Evaluate_StateAndWindow_DecideWhetherTheRuleApplies(RuleState state, string? activation, string? expiry, bool applies)
    {
        var rule = RuleScenario.Encrypt() with
        {
            State = state,
            ActivationDate = activation is null ? null : DateTimeOffset.Parse(activation, System.Globalization.CultureInfo.InvariantCulture),
            ExpiryDate = expiry is null ? null : DateTimeOffset.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(applies, RuleScenario.Evaluate(rule).Recipients[0].Decision.ApplyOme);
    }

    [Fact]
    public void Evaluate_TimeMovesPastExpiry_RuleStopsApplying()
    {
        var clock = new FakeTimeProvider(RuleScenario.Now);
        var rules = RuleSet.Compile([RuleScenario.Encrypt() with { ExpiryDate = RuleScenario.Now.AddHours(1) }]);
        var evaluator = new RuleEvaluator(clock);

        var before = evaluator.Evaluate(RuleScenario.Facts(), RuleScenario.Organization(), rules);
        clock.Advance(TimeSpan.FromHours(1));
        var after = evaluator.Evaluate(RuleScenario.Facts(), RuleScenario.Organization(), rules);

        Assert.True(before.Recipients[0].Decision.ApplyOme);
        Assert.False(after.Recipients[0].Decision.ApplyOme);
    }

    [Fact]
    public void Evaluate_Priorities_RunLowestFirst()
    {
        var first = new TransportRule { Name = "first", Priority = 0, Actions = new RuleActions { PrependSubject = "[A] " } };
        var second = new TransportRule { Name = "second", Priority = 1, Actions = new RuleActions { PrependSubject = "[B] ", SetHeaderName = "X-Tag", SetHeaderValue = "b" } };
        var third = new TransportRule { Name = "third", Priority = 2, Actions = new RuleActions { SetHeaderName = "x-tag", SetHeaderValue = "c" } };

        var decision = RuleScenario.Evaluate(third, first, second).Recipients[0].Decision;

        Assert.Equal("[B] [A] ", decision.SubjectPrefix);
        Assert.Equal([new HeaderToSet("x-tag", "c")], decision.Headers);
    }

    [Fact]
    public void Evaluate_RejectAndEncrypt_RejectionWinsWithItsStatus()
    {
        var reject = new TransportRule
        {
            Name = "reject", Priority = 1,
            Actions = new RuleActions { RejectMessageReasonText = "No payroll outside", RejectMessageEnhancedStatusCode = "5.7.12" },
        };

        var decision = RuleScenario.Evaluate(RuleScenario.Encrypt(), reject).Recipients[0].Decision;

        Assert.Equal(new RejectDecision("5.7.12", "No payroll outside"), decision.Reject);
        Assert.False(decision.ApplyOme);
    }

    [Fact]
    public void Evaluate_RejectWithoutStatus_Uses571()
    {
        var reject = new TransportRule { Name = "reject", Actions = new RuleActions { RejectMessageReasonText = "No" } };

        Assert.Equal("5.7.1", RuleScenario.Evaluate(reject).Recipients[0].Decision.Reject?.StatusCode);
    }

    [Fact]
    public void Evaluate_ApplyOmeWithTemplate_FirstTemplateWins()
    {
        var branded = RuleScenario.Encrypt("branded") with { Actions = new RuleActions { ApplyOme = true, ApplyOmeBrandingTemplate = "Legal" } };
        var other = RuleScenario.Encrypt("other", 1) with { Actions = new RuleActions { ApplyOme = true, ApplyOmeBrandingTemplate = "HR" } };

        Assert.Equal("Legal", RuleScenario.Evaluate(branded, other).Recipients[0].Decision.BrandingTemplate);
    }

    [Fact]
    public void Evaluate_SenderMayNotSendEncrypted_RejectedNeverPlain()
    {
        var user = new OrganizationUser { Address = RuleScenario.Sender, MaySendEncrypted = false };

        var evaluation = RuleScenario.Evaluate(RuleScenario.Facts(), RuleScenario.Organization(user), RuleScenario.Encrypt());

        var decision = evaluation.Recipients[0].Decision;
        Assert.Equal(RecipientDecision.SenderMayNotEncrypt, decision.Reject);
        Assert.False(decision.ApplyOme);
        Assert.Contains("not allowed to send encrypted mail", decision.Reject!.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SenderMayNotEncryptButNoRuleSeals_Delivered()
    {
        var user = new OrganizationUser { Address = RuleScenario.Sender, MaySendEncrypted = false };
        var rule = RuleScenario.Encrypt() with { Conditions = [RulePredicate.Of("SubjectContainsWords", "absent")] };

        var evaluation = RuleScenario.Evaluate(RuleScenario.Facts(), RuleScenario.Organization(user), rule);

        Assert.Equal(RecipientDecision.Unchanged, evaluation.Recipients[0].Decision);
    }

    [Fact]
    public void Evaluate_UnknownSenderInOrganization_AllowedToEncrypt()
    {
        var evaluation = RuleScenario.Evaluate(RuleScenario.Facts(), RuleScenario.Organization(), RuleScenario.Encrypt());

        Assert.True(evaluation.Recipients[0].Decision.ApplyOme);
        Assert.Contains(evaluation.Trace, t => t.Step == RuleTraceStep.SenderCheck && t.Matched);
    }

    [Fact]
    public void Evaluate_Trace_NamesTheFailedCondition()
    {
        var rule = RuleScenario.Encrypt() with { Conditions = [External, RulePredicate.Of("SubjectContainsWords", "bonus")] };

        var evaluation = RuleScenario.Evaluate(rule);

        Assert.Contains(evaluation.Trace, t => t.Step == RuleTraceStep.Condition && t.Matched && t.Detail.StartsWith("SentToScope", StringComparison.Ordinal));
        Assert.Contains(evaluation.Trace, t => t.Step == RuleTraceStep.Condition && !t.Matched && t.Detail.StartsWith("SubjectContainsWords", StringComparison.Ordinal));
        Assert.Contains(evaluation.Trace, t => t.Step == RuleTraceStep.Result && t.Detail == "condition SubjectContainsWords does not hold");
    }

    [Fact]
    public void Evaluate_DuplicateRecipients_EvaluatedOnce()
    {
        var facts = RuleScenario.Facts(RuleScenario.External, "CAROL@fabrikam.com");

        Assert.Single(RuleScenario.Evaluate(facts, RuleScenario.Organization(), RuleScenario.Encrypt()).Recipients);
    }

    [Fact]
    public void Evaluate_RemoveOme_AppliedWhenNoRuleSeals()
    {
        var remove = new TransportRule { Name = "unseal", Actions = new RuleActions { RemoveOme = true } };

        var decision = RuleScenario.Evaluate(remove).Recipients[0].Decision;

        Assert.True(decision.RemoveOme);
        Assert.Equal("remove OME", decision.Describe());
    }
}
