using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Mailseal.Portal.Viewing;

/// <summary>
/// Writes the body document: a complete UTF-8 HTML page holding each body part in order, HTML sanitised and
/// text escaped (format=flowed joined into paragraphs first). Cuts the text off at a character budget.
/// </summary>
internal sealed class BodyDocumentWriter(int maxCharacters)
{
    private const string Head =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>"
        + "body{margin:0;padding:16px;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.4;overflow-wrap:anywhere}"
        + "img{max-width:100%;height:auto}.mailseal-text{white-space:pre-wrap;margin:0;font-family:inherit}"
        + "</style></head><body>\n";

    private const string Tail = "\n</body></html>\n";

    private int _charactersLeft = maxCharacters;

    /// <summary>True once the budget cut a body short.</summary>
    public bool Truncated { get; private set; }

    public string Write(WalkedMessage message)
    {
        var document = new StringBuilder(Head);
        foreach (var part in message.Bodies)
        {
            if (_charactersLeft <= 0)
            {
                Truncated = true;
                break;
            }

            var text = Take(part.Text ?? "");
            document.Append(part.IsHtml
                ? $"<div>{BodySanitizer.Sanitize(text, message.InlineImages)}</div>\n"
                : $"<div class=\"mailseal-text\">{WebUtility.HtmlEncode(Unflow(part, text))}</div>\n");
        }

        return document.Append(Tail).ToString();
    }

    private string Take(string text)
    {
        if (text.Length <= _charactersLeft)
        {
            _charactersLeft -= text.Length;
            return text;
        }

        Truncated = true;
        var cut = text[.._charactersLeft];
        _charactersLeft = 0;
        return cut;
    }

    private static string Unflow(TextPart part, string text)
    {
        if (!part.IsFlowed)
        {
            return text;
        }

        var deleteSpace = string.Equals(part.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase);
        return new FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
    }
}
