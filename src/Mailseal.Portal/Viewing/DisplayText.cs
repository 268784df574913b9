using System.Globalization;
using System.Text;

namespace Mailseal.Portal.Viewing;

/// <summary>
/// Turns decoded header text into something safe to show: control characters and the Unicode format
/// characters that reorder or hide text (direction overrides, zero-width marks) are dropped, runs of white
/// space become one space, and the length is capped, so a display name cannot pose as another address.
/// </summary>
public static class DisplayText
{
    public static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        var pendingSpace = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            if (builder.Length + (pendingSpace ? 1 : 0) + rune.Utf16SequenceLength > maxLength)
            {
                break;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
