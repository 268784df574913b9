using System.Text.RegularExpressions;

namespace Mailseal.Core.Rules;

/// <summary>
/// One word, phrase or pattern compiled once. Words match whole, case-insensitively: letters, digits and '_'
/// may not touch them on either side, so "pay" does not match "payment" but matches "pay-day" and "PAY!".
/// Patterns are .NET regular expressions, case-sensitive unless they say (?i), with a match timeout.
/// </summary>
public sealed class TextMatcher
{
    private const string WordEdgeBefore = @"(?<![\p{L}\p{N}_])";
    private const string WordEdgeAfter = @"(?![\p{L}\p{N}_])";

    private readonly Regex _regex;

    private TextMatcher(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
    }

    /// <summary>The word or pattern as the rule gives it.</summary>
    public string Source { get; }

    public static TextMatcher Word(string word, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        // Inner spaces of a phrase match any run of white space.
        var body = string.Join(@"\s+", word.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        return new TextMatcher(word, new Regex(WordEdgeBefore + body + WordEdgeAfter,
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, timeout));
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the pattern is not a valid regular expression.</summary>
    public static TextMatcher Pattern(string pattern, TimeSpan timeout) =>
        new(pattern, new Regex(pattern, RegexOptions.CultureInvariant, timeout));

    /// <summary>Null when the text does not match; a timed-out match counts as no match and says so.</summary>
    public TextMatch Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var match = _regex.Match(text);
            return match.Success ? new TextMatch(true, false, match.Value) : TextMatch.None;
        }
        catch (RegexMatchTimeoutException)
        {
            return new TextMatch(false, true, "");
        }
    }
}
