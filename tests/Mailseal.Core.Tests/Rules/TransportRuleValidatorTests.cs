using Mailseal.Core.Rules;

namespace Mailseal.Core.Tests.Rules;

public sealed class TransportRuleValidatorTests
{
    public static TheoryData<TransportRule, string> InvalidRules => new()
    {
        { Rule() with { Name = "" }, "Name" },
        { Rule() with { Name = new string('x', 65) }, "Name" },
        { Rule() with { Priority = -1 }, "Priority" },
        { Rule() with { ActivationDate = DateTimeOffset.UnixEpoch.AddDays(2), ExpiryDate = DateTimeOffset.UnixEpoch.AddDays(1) }, "ExpiryDate" },
        { Rule() with { Conditions = [RulePredicate.Of("SubjectSmellsLike", "x")] }, "SubjectSmellsLike" },
        { Rule() with { Exceptions = [RulePredicate.Of("Nonsense", "x")] }, "ExceptIfNonsense" },
        { Rule() with { Conditions = [RulePredicate.Of("SubjectContainsWords")] }, "SubjectContainsWords" },
        { Rule() with { Conditions = [RulePredicate.Of("SubjectContainsWords", "ok", " ")] }, "SubjectContainsWords" },
        { Rule() with { Conditions = [RulePredicate.Of("SubjectMatchesPatterns", "([a-z")] }, "SubjectMatchesPatterns" },
        { Rule() with { Exceptions = [RulePredicate.Of("ExceptIfSubjectMatchesPatterns", "(?<")] }, "ExceptIfSubjectMatchesPatterns" },
        { Rule() with { Conditions = [RulePredicate.Of("HeaderContainsWords", "x")] }, "HeaderContainsMessageHeader" },
        { Rule() with { Conditions = [RulePredicate.OfHeader("HeaderMatchesPatterns", "X-Bad\r\nName", "x")] }, "HeaderMatchesMessageHeader" },
        { Rule() with { Conditions = [RulePredicate.OfHeader("HeaderMatchesPatterns", "X-Bad:Name", "x")] }, "HeaderMatchesMessageHeader" },
        { Rule() with { Conditions = [RulePredicate.OfHeader("SubjectContainsWords", "X-Any", "x")] }, "SubjectContainsWords" },
        { Rule() with { Conditions = [RulePredicate.Of("SentToScope", "Partner")] }, "SentToScope" },
        { Rule() with { Conditions = [RulePredicate.Of("MessageSizeOver", "ten")] }, "MessageSizeOver" },
        { Rule() with { Conditions = [RulePredicate.Of("MessageTypeMatches", "Spam")] }, "MessageTypeMatches" },
        { Rule() with { Conditions = [RulePredicate.Of("From", "a b@c.com")] }, "From" },
        { Rule() with { Actions = new RuleActions { PrependSubject = "[x]\r\nBcc: evil@example.com" } }, "PrependSubject" },
        { Rule() with { Actions = new RuleActions { SetHeaderName = "X-A" } }, "SetHeaderValue" },
        { Rule() with { Actions = new RuleActions { SetHeaderName = "X A", SetHeaderValue = "v" } }, "SetHeaderName" },
        { Rule() with { Actions = new RuleActions { SetHeaderName = "X-A", SetHeaderValue = "v\nw" } }, "SetHeaderValue" },
        { Rule() with { Actions = new RuleActions { RejectMessageReasonText = "no", RejectMessageEnhancedStatusCode = "5.1.1" } }, "RejectMessageEnhancedStatusCode" },
        { Rule() with { Actions = new RuleActions { RejectMessageReasonText = "no", RejectMessageEnhancedStatusCode = "5.7.1000" } }, "RejectMessageEnhancedStatusCode" },
        { Rule() with { Actions = new RuleActions { RejectMessageEnhancedStatusCode = "5.7.1" } }, "RejectMessageEnhancedStatusCode" },
        { Rule() with { Actions = new RuleActions { ApplyOme = true, RemoveOme = true } }, "RemoveOME" },
        { Rule() with { Actions = new RuleActions { ApplyOmeBrandingTemplate = "Legal" } }, "ApplyOMEBrandingTemplate" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void Validate_InvalidRule_ThrowsNamingTheParameter(TransportRule rule, string parameter)
    {
        var error = Assert.Throws<TransportRuleValidationException>(() => TransportRuleValidator.Validate(rule));

        Assert.Equal(parameter, error.ParameterName);
        Assert.StartsWith(parameter + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FullRule_Passes()
    {
        var rule = Rule() with
        {
            Conditions = [RulePredicate.Of("SentToScope", "NotInOrganization"), RulePredicate.OfHeader("HeaderContainsWords", "X-Class", "secret")],
            Exceptions = [RulePredicate.Of("ExceptIfMessageTypeMatches", "oof", "Calendaring")],
            Actions = new RuleActions
            {
                ApplyOme = true, ApplyOmeBrandingTemplate = "Legal", SetHeaderName = "X-Sealed", SetHeaderValue = "yes",
                PrependSubject = "[secure] ",
            },
        };

        TransportRuleValidator.Validate(rule);
    }

    [Fact]
    public void Compile_InvalidRuleInSet_NamesTheRule()
    {
        var error = Assert.Throws<TransportRuleValidationException>(() =>
            RuleSet.Compile([Rule(), Rule() with { Name = "broken", Conditions = [RulePredicate.Of("SubjectMatchesPatterns", "(")] }]));

        Assert.Equal("broken", error.RuleName);
        Assert.Contains("Rule \"broken\": SubjectMatchesPatterns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500", 500)]
    [InlineData("500B", 500)]
    [InlineData("64KB", 65536)]
    [InlineData("10 MB", 10485760)]
    [InlineData("1gb", 1073741824)]
    public void ByteSize_ExchangeForms_Parse(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5MB")]
    [InlineData("99999999999999999GB")]
    public void ByteSize_Nonsense_Refused(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    private static TransportRule Rule() => new() { Name = "rule" };
}
