namespace Mailseal.Portal.Security;

/// <summary>returnUrl-style values: only a path on this portal is followed, never another site.</summary>
public static class LocalUrl
{
    /// <summary>The value when it is a local path ("/…" but not "//…" or "/\…"), otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? candidate, string fallback)
    {
        if (string.IsNullOrEmpty(candidate) || candidate[0] != '/')
        {
            return fallback;
        }

        if (candidate.Length > 1 && (candidate[1] == '/' || candidate[1] == '\\'))
        {
            return fallback;
        }

        return candidate.Any(char.IsControl) ? fallback : candidate;
    }
}
