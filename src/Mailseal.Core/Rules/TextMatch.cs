namespace Mailseal.Core.Rules;

/// <summary>The outcome of one <see cref="TextMatcher"/> on one text.</summary>
public sealed record TextMatch(bool Matched, bool TimedOut, string Value)
{
    public static TextMatch None { get; } = new(false, false, "");
}
