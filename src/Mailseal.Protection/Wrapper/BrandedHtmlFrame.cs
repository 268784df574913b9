using Mailseal.Protection.Branding;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// The frame every branded HTML mail body shares (the wrapper mail, the portal's pass-code mail): the document
/// head, the logo by content id, and at the end the disclaimer.
/// </summary>
public static class BrandedHtmlFrame
{
    /// <summary>Opens the document up to and including the logo; the caller appends its content.</summary>
    public static HtmlLineBuilder Begin(EffectiveBranding branding, string logoContentId)
    {
        ArgumentNullException.ThrowIfNull(branding);
        return new HtmlLineBuilder()
            .MarkupLine("<!doctype html>")
            .MarkupLine("<html>")
            .MarkupLine("<head><meta charset=\"utf-8\">")
            .MarkupLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .MarkupLine("</head>")
            .MarkupLine("<body style=\"margin:0;padding:16px;background:#ffffff;color:#1d2733\">")
            .MarkupLine("<div style=\"max-width:560px;font-size:15px;line-height:1.5;")
            .MarkupLine(" font-family:Arial,Helvetica,sans-serif\">")
            .Markup("<img alt=\"").Text(branding.Texts.LogoAlt, noComments: true).MarkupLine("\"")
            // Kept on one line: not every mail client strips line breaks from a cid: reference.
            .Markup(" src=\"cid:").AttributeValue(logoContentId).MarkupLine("\"")
            .MarkupLine(" style=\"display:block;max-width:100%;height:auto;margin:0 0 16px\">");
    }

    /// <summary>Closes the document after the disclaimer and, when given, a footer line.</summary>
    public static string End(HtmlLineBuilder html, EffectiveBranding branding, string? footer)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(branding);
        html.MarkupLine("<p style=\"margin:20px 0 12px;padding-top:12px;border-top:1px solid #e3e7ed;")
            .Markup("font-size:12px;color:#5f6b7a\">").Text(branding.DisclaimerText).MarkupLine("</p>");
        if (footer is not null)
        {
            html.Markup("<p style=\"margin:0;font-size:11px;color:#8a94a3\">").Text(footer).MarkupLine("</p>");
        }

        return html
            .MarkupLine("</div>")
            .MarkupLine("</body>")
            .MarkupLine("</html>")
            .ToString();
    }
}
