using System.Globalization;
using System.Text;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Builds 7-bit HTML with CRLF line endings and lines of at most <see cref="MaxLineLength"/> characters:
/// every character outside printable ASCII becomes a numeric reference, and text is HTML-encoded (admin
/// text is hostile), so the result can travel as Content-Transfer-Encoding 7bit.
/// </summary>
public sealed class HtmlLineBuilder
{
    public const int MaxLineLength = 76;

    // Text stops this far from the line's end, leaving room for "<!--" that splits a long word.
    private const int TextLineLength = MaxLineLength - 4;

    private readonly StringBuilder builder = new();
    private int column;

    /// <summary>
    /// Appends trusted ASCII markup that holds no line break. Markup that would overrun the line starts a new
    /// one: every place the writers put markup after text (a closing tag, an attribute's closing quote)
    /// takes a line break as harmless white space.
    /// </summary>
    public HtmlLineBuilder Markup(string markup)
    {
        if (column > 0 && column + markup.Length > MaxLineLength)
        {
            Line();
        }

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
    /// Appends untrusted text, HTML-encoded, wrapping at spaces. A line break in it becomes <c>&lt;br&gt;</c>;
    /// other control characters are dropped. A word too long for a line (CJK text has no spaces) is split
    /// by an empty comment, which renders as nothing. <paramref name="noComments"/> is for attribute values
    /// and the title, where markup would be literal text: there line breaks stay plain white space.
    /// </summary>
    public HtmlLineBuilder Text(string text, bool noComments = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var p = 0; p < paragraphs.Length; p++)
        {
            if (p > 0 && noComments)
            {
                Line();
            }
            else if (p > 0)
            {
                Markup("<br>").Line();
            }

            var words = paragraphs[p].Split(' ', '\t');
            for (var w = 0; w < words.Length; w++)
            {
                var encoded = words[w].EnumerateRunes().Where(r => !Rune.IsControl(r)).Select(Encode).ToList();
                if (w > 0)
                {
                    // A line break is white space in HTML, just like the space it replaces.
                    if (column + 1 + encoded.Sum(e => e.Length) <= TextLineLength)
                    {
                        Markup(" ");
                    }
                    else
                    {
                        Line();
                    }
                }

                foreach (var unit in encoded)
                {
                    AppendUnit(unit, noComments);
                }
            }
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

    /// <summary>Appends a short ASCII attribute value on the current line, escaping what could end the value.</summary>
    public HtmlLineBuilder AttributeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Markup(value
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal));
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

    private void AppendUnit(string encoded, bool noComments)
    {
        if (column + encoded.Length > TextLineLength)
        {
            if (noComments)
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
