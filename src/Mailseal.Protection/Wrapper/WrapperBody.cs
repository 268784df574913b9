using System.Text;
using Mailseal.Protection.Branding;

namespace Mailseal.Protection.Wrapper;

/// <summary>The texts of the wrapper mail's own body: a plain-text and an HTML alternative.</summary>
internal static class WrapperBody
{
    public static string PlainText(EffectiveBranding branding, Uri portalUrl)
    {
        var texts = branding.Texts;
        return new StringBuilder()
            .Append(Clean(texts.Title)).Append("\r\n\r\n")
            .Append(Clean(branding.EmailText)).Append("\r\n\r\n")
            .Append(Clean(texts.Instructions)).Append("\r\n\r\n")
            .Append(Clean(texts.PhoneAlternativeFor(PortalAddresses.Open(portalUrl)))).Append("\r\n\r\n")
            .Append("-- \r\n")
            .Append(Clean(branding.DisclaimerText)).Append("\r\n\r\n")
            .Append(Clean(texts.Footer)).Append("\r\n")
            .ToString();
    }

    public static string Html(EffectiveBranding branding, Uri portalUrl, string logoContentId)
    {
        var texts = branding.Texts;
        return new HtmlLineBuilder()
            .MarkupLine("<!doctype html>")
            .MarkupLine("<html>")
            .MarkupLine("<head><meta charset=\"utf-8\">")
            .MarkupLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .MarkupLine("</head>")
            .MarkupLine("<body style=\"margin:0;padding:16px;background:#ffffff;color:#1d2733\">")
            .MarkupLine("<div style=\"max-width:560px;font-size:15px;line-height:1.5;")
            .MarkupLine(" font-family:Arial,Helvetica,sans-serif\">")
            .Markup("<img alt=\"").Text(texts.LogoAlt, noComments: true).MarkupLine("\"")
            // Kept on one line: not every mail client strips line breaks from a cid: reference.
            .Markup(" src=\"cid:").AttributeValue(logoContentId).MarkupLine("\"")
            .MarkupLine(" style=\"display:block;max-width:100%;height:auto;margin:0 0 16px\">")
            .Markup("<h1 style=\"font-size:20px;line-height:1.3;margin:0 0 12px\">").Text(texts.Title).MarkupLine("</h1>")
            .Markup("<p style=\"margin:0 0 12px\">").Text(branding.EmailText).MarkupLine("</p>")
            .Markup("<p style=\"margin:0 0 12px\"><strong>").Text(texts.Instructions).MarkupLine("</strong></p>")
            .Markup("<p style=\"margin:0 0 12px;font-size:13px;color:#4a5563\">")
            .Text(texts.PhoneAlternativeFor(PortalAddresses.Open(portalUrl))).MarkupLine("</p>")
            .MarkupLine("<p style=\"margin:20px 0 12px;padding-top:12px;border-top:1px solid #e3e7ed;")
            .Markup("font-size:12px;color:#5f6b7a\">").Text(branding.DisclaimerText).MarkupLine("</p>")
            .Markup("<p style=\"margin:0;font-size:11px;color:#8a94a3\">").Text(texts.Footer).MarkupLine("</p>")
            .MarkupLine("</div>")
            .MarkupLine("</body>")
            .MarkupLine("</html>")
            .ToString();
    }

    private static string Clean(string text) => PlainTextLines.Clean(text);
}
