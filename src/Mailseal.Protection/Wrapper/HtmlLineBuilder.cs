using System.Globalization;
using System.Text;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Builds 7-bit HTML with CRLF line endings and lines of at most <see cref="MaxLineLength"/> characters:
/// every character outside printable ASCII becomes a numeric reference, and text is HTML-encoded (admin
/// text is hostile), so the result can travel as Content-Transfer-Encoding 7bit.
/// </summary>
internal sealed class HtmlLineBuilder
{
    public const int MaxLineLength = 76;

    // Past this column a space in text becomes a line break (HTML treats both as white space).
    private const int SoftWrapColumn = 60;

    // Where a long run without spaces (CJK text) is split by an empty comment, which renders as nothing.
    private const string CommentBreak = "<!--\r\n-->";

    private readonly StringBuilder builder = new();
    private int column;

    /// <summary>Appends trusted ASCII markup that holds no line break.</summary>
    public HtmlLineBuilder Markup(string markup)
    {
        builder.Append(markup);
        column += markup.Length;
        return this;
    }

    public HtmlLineBuilder Line()
    {
        builder.Append("\r\n");
        column = 0;
        return this;
    }

    public HtmlLineBuilder MarkupLine(string markup) => Markup(markup).Line();

    /// <summary>
    /// Appends untrusted text, HTML-encoded. A line break in it becomes <c>&lt;br&gt;</c>; other control
    /// characters are dropped. <paramref name="insideRawText"/> is for title, where comments don't exist.
    /// </summary>
    public HtmlLineBuilder Text(string text, bool insideRawText = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var rune in normalized.EnumerateRunes())
        {
            AppendRune(rune, insideRawText);
        }

        return this;
    }

    /// <summary>
    /// Appends an attribute value that browsers read as a URL: the URL parser removes line breaks, so it can
    /// be split anywhere. The caller has made sure it is ASCII.
    /// </summary>
    public HtmlLineBuilder UrlValue(string url)
    {
        foreach (var c in url)
        {
            var encoded = c switch
            {
                '&' => "&amp;",
                '"' => "&quot;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ when c is < ' ' or > '~' => string.Empty,
                _ => c.ToString(),
            };
            if (column + encoded.Length > MaxLineLength)
            {
                Line();
            }

            Markup(encoded);
        }

        return this;
    }

    /// <summary>Appends base64 of the bytes in lines of <see cref="MaxLineLength"/>, starting on a new line.</summary>
    public HtmlLineBuilder Base64Lines(byte[] bytes)
    {
        var base64 = Convert.ToBase64String(bytes);
        for (var start = 0; start < base64.Length; start += MaxLineLength)
        {
            Line().Markup(base64.Substring(start, Math.Min(MaxLineLength, base64.Length - start)));
        }

        return Line();
    }

    public override string ToString() => builder.ToString();

    private void AppendRune(Rune rune, bool insideRawText)
    {
        if (rune.Value == '\n')
        {
            Markup("<br>").Line();
            return;
        }

        if (rune.Value is ' ' or '\t')
        {
            if (column >= SoftWrapColumn)
            {
                Line();
            }
            else
            {
                Markup(" ");
            }

            return;
        }

        if (Rune.IsControl(rune))
        {
            return;
        }

        var encoded = Encode(rune);
        if (column + encoded.Length > MaxLineLength - CommentBreak.Length)
        {
            if (insideRawText)
            {
                Line();
            }
            else
            {
                Markup("<!--").Line().Markup("-->");
            }
        }

        Markup(encoded);
    }

    private static string Encode(Rune rune) => rune.Value switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        < 0x7F => ((char)rune.Value).ToString(),
        _ => "&#x" + rune.Value.ToString("X", CultureInfo.InvariantCulture) + ";",
    };
}
