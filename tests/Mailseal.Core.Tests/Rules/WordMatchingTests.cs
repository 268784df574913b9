using Mailseal.Core.Rules;

namespace Mailseal.Core.Tests.Rules;

public sealed class WordMatchingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("pay", "Pay day", true)]
    [InlineData("pay", "PAY!", true)]
    [InlineData("pay", "pay-day", true)]
    [InlineData("pay", "(pay)", true)]
    [InlineData("pay", "payment", false)]
    [InlineData("pay", "prepay", false)]
    [InlineData("pay", "pay_slip", false)]
    [InlineData("pay", "pay2", false)]
    [InlineData("salary figures", "the Salary  Figures, attached", true)]
    [InlineData("salary figures", "salary and figures", false)]
    [InlineData("c++", "we use C++ daily", true)]
    [InlineData("gehalt", "Gehälter", false)]
    [InlineData("größe", "GRÖSSE", false)]
    [InlineData("ÉTÉ", "été", true)]
    public void Word_Text_MatchesWholeWordsIgnoringCase(string word, string text, bool expected)
    {
        Assert.Equal(expected, TextMatcher.Word(word, Timeout).Match(text).Matched);
    }

    [Fact]
    public void Pattern_IsCaseSensitiveUnlessItSaysSo()
    {
        Assert.False(TextMatcher.Pattern("secret", Timeout).Match("SECRET").Matched);
        Assert.True(TextMatcher.Pattern("(?i)secret", Timeout).Match("SECRET").Matched);
    }

    [Fact]
    public void Pattern_CatastrophicBacktracking_TimesOutAsNoMatch()
    {
        var matcher = TextMatcher.Pattern("^(a|aa)+$", TimeSpan.FromMilliseconds(10));

        var match = matcher.Match(new string('a', 5000) + "b");

        Assert.False(match.Matched);
        Assert.True(match.TimedOut);
    }

    [Fact]
    public void Evaluate_PatternTimesOut_ExplanationSaysSoAndRuleDoesNotMatch()
    {
        var rule = RuleScenario.Encrypt() with { Conditions = [RulePredicate.Of("SubjectOrBodyMatchesPatterns", "^(a|aa)+$")] };
        var facts = RuleScenario.Facts(RuleScenario.Message(subject: "x", body: new string('a', 5000) + "b"));
        var evaluator = new RuleEvaluator(TimeProvider.System);

        var evaluation = evaluator.Evaluate(facts, RuleScenario.Organization(), RuleSet.Compile([rule], TimeSpan.FromMilliseconds(10)));

        Assert.False(evaluation.Recipients[0].Decision.ApplyOme);
        Assert.Contains(evaluation.Trace, t => t.Step == RuleTraceStep.Condition && t.Detail.Contains("timed out", StringComparison.Ordinal));
    }
}
