using System.Text;

namespace Mailseal.Protection.Wrapper;

/// <summary>Makes untrusted text (administrator texts, names) safe for a text/plain mail body.</summary>
public static class PlainTextLines
{
    /// <summary>Keeps line breaks (as CRLF), turns tabs into spaces and drops every other control character.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                builder.Append("\r\n");
            }
            else if (rune.Value == '\t')
            {
                builder.Append(' ');
            }
            else if (!Rune.IsControl(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }
}
