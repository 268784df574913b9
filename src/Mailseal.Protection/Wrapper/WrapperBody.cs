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
        var html = BrandedHtmlFrame.Begin(branding, logoContentId)
            .Markup("<h1 style=\"font-size:20px;line-height:1.3;margin:0 0 12px\">").Text(texts.Title).MarkupLine("</h1>")
            .Markup("<p style=\"margin:0 0 12px\">").Text(branding.EmailText).MarkupLine("</p>")
            .Markup("<p style=\"margin:0 0 12px\"><strong>").Text(texts.Instructions).MarkupLine("</strong></p>")
            .Markup("<p style=\"margin:0 0 12px;font-size:13px;color:#4a5563\">")
            .Text(texts.PhoneAlternativeFor(PortalAddresses.Open(portalUrl))).MarkupLine("</p>");
        return BrandedHtmlFrame.End(html, branding, texts.Footer);
    }

    private static string Clean(string text) => PlainTextLines.Clean(text);
}
