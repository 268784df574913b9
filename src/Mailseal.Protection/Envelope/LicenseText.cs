namespace Mailseal.Protection.Envelope;

/// <summary>The rules for text members of a license, shared by the sealer and the parser.</summary>
internal static class LicenseText
{
    /// <summary>Non-empty, at most <see cref="EnvelopeFormat.MaxTextLength"/>, no control characters (no CR/LF for headers).</summary>
    public static bool IsValidText(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > EnvelopeFormat.MaxTextLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A BCP 47 tag in shape: ASCII letters, digits and inner hyphens.</summary>
    public static bool IsValidLanguage(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag.Length > EnvelopeFormat.MaxLanguageLength
            || tag[0] == '-' || tag[^1] == '-')
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
