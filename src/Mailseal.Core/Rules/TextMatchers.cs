namespace Mailseal.Core.Rules;

/// <summary>Runs the matchers of one predicate over one or more texts and words the outcome.</summary>
internal static class TextMatchers
{
    public static PredicateResult FirstMatch(IReadOnlyList<TextMatcher> matchers, string what, params IEnumerable<string> texts)
    {
        var timedOut = new List<string>();
        foreach (var text in texts)
        {
            foreach (var matcher in matchers)
            {
                var match = matcher.Match(text);
                if (match.Matched)
                {
                    return PredicateResult.Yes($"{what} matches \"{matcher.Source}\"");
                }

                if (match.TimedOut)
                {
                    timedOut.Add(matcher.Source);
                }
            }
        }

        var timeouts = timedOut.Count == 0 ? "" : $" (pattern timed out, counted as no match: \"{string.Join("\", \"", timedOut.Distinct())}\")";
        return PredicateResult.No($"{what} matches none of the values{timeouts}");
    }
}
