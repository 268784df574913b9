namespace Mailseal.Portal.Security;

/// <summary>returnUrl-style values: only a path on this portal is followed, never another site.</summary>
public static class LocalUrl
{
    /// <summary>Whether <paramref name="candidate"/> is a local path ("/…" but not "//…" or "/\…", no control characters).</summary>
    public static bool IsLocal(string? candidate) =>
        !string.IsNullOrEmpty(candidate)
        && candidate[0] == '/'
        && (candidate.Length == 1 || (candidate[1] != '/' && candidate[1] != '\\'))
        && !candidate.Any(char.IsControl);

    /// <summary>The value when it is a local path, otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? candidate, string fallback) => IsLocal(candidate) ? candidate! : fallback;
}
