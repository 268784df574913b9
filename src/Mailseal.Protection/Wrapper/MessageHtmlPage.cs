using Mailseal.Protection.Branding;

namespace Mailseal.Protection.Wrapper;

/// <summary>The markup of message.html around the envelope's base64 lines.</summary>
internal static class MessageHtmlPage
{
    // Inline CSS only: a card that fills a phone's width and stays narrow on a desktop.
    private static readonly string[] Style =
    [
        "*{box-sizing:border-box}",
        "body{margin:0;padding:24px 12px;background:#eef1f5;color:#1d2733;",
        "font:16px/1.5 -apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,",
        "'Hiragino Sans','Noto Sans CJK JP',sans-serif}",
        "main{max-width:560px;margin:0 auto;background:#fff;border-radius:10px;",
        "padding:28px 24px;box-shadow:0 1px 4px rgba(0,0,0,.12)}",
        ".logo{display:block;max-width:100%;height:auto;margin:0 0 20px}",
        "h1{font-size:22px;line-height:1.3;margin:0 0 12px}",
        "p{margin:0 0 14px;overflow-wrap:anywhere}",
        "form{margin:24px 0}",
        "button{display:block;width:100%;padding:14px 20px;border:0;",
        "border-radius:6px;background:#1f4e79;color:#fff;font:inherit;",
        "font-size:17px;font-weight:600;cursor:pointer}",
        "button:hover,button:focus{background:#163a5c}",
        ".hint{font-size:14px;color:#4a5563}",
        ".disclaimer{font-size:13px;color:#5f6b7a;border-top:1px solid #e3e7ed;",
        "padding-top:14px;margin-top:22px}",
        ".footer{font-size:12px;color:#8a94a3;text-align:center;margin:18px 0 0}",
    ];

    /// <summary>Everything up to and including the opening of the hidden field's value.</summary>
    public static string Head(EffectiveBranding branding, Uri portalUrl, string envelopeUrl)
    {
        var html = new HtmlLineBuilder()
            .MarkupLine("<!doctype html>")
            .Markup("<html lang=\"").Text(LanguageOf(branding), noComments: true).MarkupLine("\">")
            .MarkupLine("<head>")
            .MarkupLine("<meta charset=\"utf-8\">")
            .MarkupLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .MarkupLine("<meta name=\"referrer\" content=\"no-referrer\">")
            // Defence in depth: even an injected tag could neither run script nor load anything, and the
            // form can only go to the portal.
            .MarkupLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
            .MarkupLine(" style-src 'unsafe-inline'; img-src data:;")
            // A source expression must stay whole, so the origin gets a line of its own instead of being split.
            .MarkupLine(" form-action")
            .Markup(" ").AttributeValue(PortalAddresses.Origin(portalUrl)).MarkupLine("\">")
            .Markup("<title>").Text(branding.Texts.Title, noComments: true).MarkupLine("</title>")
            .MarkupLine("<style>");
        foreach (var rule in Style)
        {
            html.MarkupLine(rule);
        }

        html.MarkupLine("</style>")
            .MarkupLine("</head>")
            .MarkupLine("<body>")
            .MarkupLine("<main>")
            .Markup("<img class=\"logo\" alt=\"").Text(branding.Texts.LogoAlt, noComments: true).Markup("\"").Line()
            .Markup(" src=\"data:image/png;base64,").Base64Lines(branding.LogoPng).MarkupLine("\">")
            .Markup("<h1>").Text(branding.Texts.Title).MarkupLine("</h1>")
            .Markup("<p class=\"intro\">").Text(branding.EmailText).MarkupLine("</p>")
            .MarkupLine("<form method=\"post\" enctype=\"multipart/form-data\"")
            .Markup(" action=\"").UrlValue(envelopeUrl).MarkupLine("\">")
            .MarkupLine("<input type=\"hidden\" name=\"envelope\" value=\"");
        return html.ToString();
    }

    /// <summary>Everything after the envelope's base64 lines.</summary>
    public static string Tail(EffectiveBranding branding, Uri portalUrl)
    {
        var texts = branding.Texts;
        return new HtmlLineBuilder()
            .MarkupLine("\">")
            .Markup("<button type=\"submit\">").Text(texts.ButtonLabel).MarkupLine("</button>")
            .MarkupLine("</form>")
            .Markup("<p class=\"hint\">").Text(texts.PageInstructionsFor(portalUrl.IdnHost)).MarkupLine("</p>")
            .Markup("<p class=\"hint\">").Text(texts.PhoneAlternativeFor(PortalAddresses.Open(portalUrl))).MarkupLine("</p>")
            .Markup("<p class=\"disclaimer\">").Text(branding.DisclaimerText).MarkupLine("</p>")
            .Markup("<p class=\"footer\">").Text(texts.Footer).MarkupLine("</p>")
            .MarkupLine("</main>")
            .MarkupLine("</body>")
            .MarkupLine("</html>")
            .ToString();
    }

    private static string LanguageOf(EffectiveBranding branding) =>
        string.IsNullOrEmpty(branding.Culture.Name) ? "en" : branding.Culture.Name;
}
