using Mailseal.Core.Rules;

namespace Mailseal.Core.Tests.Rules;

/// <summary>Every predicate against <see cref="RuleScenario"/>'s message: one value that holds, one that does not.</summary>
public sealed class PredicateTests
{
    public static TheoryData<string, string?, string, string> Predicates => new()
    {
        { "From", null, "ANN@contoso.com", "zed@contoso.com" },
        { "FromScope", null, "InOrganization", "NotInOrganization" },
        { "SenderDomainIs", null, "contoso.com", "fabrikam.com" },
        { "FromAddressContainsWords", null, "Contoso", "cont" },
        { "FromAddressMatchesPatterns", null, "^ann@", "^bob@" },
        { "SentTo", null, "Carol@Fabrikam.com", "dave@fabrikam.com" },
        { "SentToScope", null, "NotInOrganization", "InOrganization" },
        { "RecipientDomainIs", null, "fabrikam.com", "contoso.com" },
        { "AnyOfRecipientAddressContainsWords", null, "fabrikam", "fab" },
        { "AnyOfRecipientAddressMatchesPatterns", null, "^carol", "^dave" },
        { "SubjectContainsWords", null, "PAYROLL", "pay" },
        { "SubjectMatchesPatterns", null, "pay(roll)?", "^payroll" },
        { "SubjectOrBodyContainsWords", null, "salary figures", "salary report" },
        { "SubjectOrBodyMatchesPatterns", null, "sal[a-z]+", "bonus" },
        { "HeaderContainsWords", "X-Project", "apollo", "apol" },
        { "HeaderMatchesPatterns", "x-project", "^Apollo", "^Gemini" },
        { "AttachmentNameMatchesPatterns", null, @"\.xlsx$", @"\.pdf$" },
        { "AttachmentExtensionMatchesWords", null, ".XLSX", "pdf" },
        { "AttachmentSizeOver", null, "1KB", "1MB" },
        { "MessageSizeOver", null, "100B", "10 MB" },
        { "MessageTypeMatches", null, "OOF", "Calendaring" },
    };

    [Theory]
    [MemberData(nameof(Predicates))]
    public void Evaluate_ConditionHolds_RuleMatches(string name, string? header, string holds, string fails)
    {
        var matched = Evaluate(RuleScenario.Encrypt() with { Conditions = [Predicate(name, header, holds)] });
        var unmatched = Evaluate(RuleScenario.Encrypt() with { Conditions = [Predicate(name, header, fails)] });

        Assert.True(matched.ApplyOme, $"{name} \"{holds}\" should hold");
        Assert.False(unmatched.ApplyOme, $"{name} \"{fails}\" should not hold");
    }

    [Theory]
    [MemberData(nameof(Predicates))]
    public void Evaluate_ExceptionHolds_RuleDoesNotMatch(string name, string? header, string holds, string fails)
    {
        var excepted = Evaluate(RuleScenario.Encrypt() with { Exceptions = [Predicate("ExceptIf" + name, header, holds)] });
        var notExcepted = Evaluate(RuleScenario.Encrypt() with { Exceptions = [Predicate(name, header, fails)] });

        Assert.False(excepted.ApplyOme, $"ExceptIf{name} \"{holds}\" should stop the rule");
        Assert.True(notExcepted.ApplyOme, $"ExceptIf{name} \"{fails}\" should not stop the rule");
    }

    [Fact]
    public void Predicates_EveryCatalogueEntry_IsCovered()
    {
        var covered = Predicates.Select(row => (string)row[0]).ToHashSet();

        Assert.All(PredicateCatalog.All, definition => Assert.Contains(definition.Name, covered));
    }

    [Fact]
    public void Catalogue_RecipientDependence_OnlyTheRecipientPredicates()
    {
        var perRecipient = PredicateCatalog.All.Where(d => d.DependsOnRecipient).Select(d => d.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["AnyOfRecipientAddressContainsWords", "AnyOfRecipientAddressMatchesPatterns", "RecipientDomainIs", "SentTo", "SentToScope"],
            perRecipient);
    }

    [Theory]
    [InlineData("contoso.com", "ann@mail.contoso.com", true)]
    [InlineData("contoso.com", "ann@notcontoso.com", false)]
    public void Evaluate_SenderDomainIs_MatchesSubdomainsOnly(string domain, string sender, bool expected)
    {
        var message = RuleScenario.Message();
        message.From.Clear();
        message.From.Add(MimeKit.MailboxAddress.Parse(sender));
        var rule = RuleScenario.Encrypt() with { Conditions = [RulePredicate.Of("SenderDomainIs", domain)] };

        var evaluation = RuleScenario.Evaluate(RuleScenario.Facts(message), RuleScenario.Organization(), rule);

        Assert.Equal(expected, evaluation.Recipients[0].Decision.ApplyOme);
    }

    [Fact]
    public void Evaluate_AttachmentSize_IsTheDecodedSize()
    {
        var facts = RuleScenario.Facts();

        Assert.Equal(new AttachmentFact("figures.xlsx", 3000), Assert.Single(facts.Attachments));
    }

    private static RulePredicate Predicate(string name, string? header, string value) =>
        new() { Name = name, Header = header, Values = [value] };

    private static RecipientDecision Evaluate(TransportRule rule) => RuleScenario.Evaluate(rule).Recipients[0].Decision;
}
