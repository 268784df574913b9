namespace Mailseal.Portal.Replying;

/// <summary>
/// "Re: " or "Fw: " in front of the original subject, once: the same kind of prefix already there (Re, AW,
/// SV, Antw, Réf, Rif, VS, Odp; Fw, Fwd, WG, TR, RV, Enc, Doorst, VL), also repeated or numbered as
/// "Re[2]:", is taken off first, so prefixes do not pile up.
/// </summary>
internal static class ReplySubject
{
    private const int MaxLength = 500;

    private static readonly string[] ReplyPrefixes = ["re", "aw", "sv", "antw", "réf", "ref", "rif", "vs", "odp"];

    private static readonly string[] ForwardPrefixes = ["fw", "fwd", "wg", "tr", "rv", "enc", "doorst", "vl"];

    public static string For(ReplyKind kind, string? originalSubject)
    {
        var forward = kind == ReplyKind.Forward;
        var subject = Viewing.DisplayText.Clean(originalSubject, MaxLength);
        var prefixes = forward ? ForwardPrefixes : ReplyPrefixes;
        while (StripPrefix(subject, prefixes) is { } rest)
        {
            subject = rest;
        }

        return (forward ? "Fw: " : "Re: ") + subject;
    }

    private static string? StripPrefix(string subject, string[] prefixes)
    {
        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 12)
        {
            return null;
        }

        var word = subject[..colon].Trim();
        var bracket = word.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0 && word.EndsWith(']') && word[(bracket + 1)..^1].All(char.IsAsciiDigit))
        {
            word = word[..bracket].Trim();
        }

        return prefixes.Any(p => string.Equals(p, word, StringComparison.OrdinalIgnoreCase)) ? subject[(colon + 1)..].TrimStart() : null;
    }
}
