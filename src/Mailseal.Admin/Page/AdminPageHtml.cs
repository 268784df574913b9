using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Admin.Page;

/// <summary>The admin page's markup: one inline style block under the response's nonce, no script, no remote resource.</summary>
internal static class AdminPageHtml
{
    /// <summary>How many rules get a chart; the table lists up to <see cref="TopRuleCount"/>.</summary>
    public const int ChartedRuleCount = 6;
    public const int TopRuleCount = 10;

    private const string Style =
        "*{box-sizing:border-box}body{margin:0;padding:24px 12px;background:#eef1f5;color:#1d2733;" +
        "font:15px/1.5 -apple-system,'Segoe UI',Roboto,Arial,sans-serif}" +
        "main{max-width:1000px;margin:0 auto;background:#fff;border-radius:10px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.12)}" +
        "h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:16px 0 4px}" +
        "table{border-collapse:collapse;width:100%}th,td{text-align:right;padding:4px 8px;border-bottom:1px solid #e3e7ed}" +
        "th:first-child,td:first-child{text-align:left}.legend span{display:inline-block;margin-right:14px}" +
        ".swatch{display:inline-block;width:10px;height:10px;margin-right:4px}" +
        "label{display:block;font-weight:600;margin:12px 0 4px}input[type=password]{width:100%;padding:10px;font:inherit}" +
        "button{margin:14px 0 0;padding:10px 18px;border:0;border-radius:6px;background:#1f4e79;color:#fff;font:inherit;cursor:pointer}" +
        ".error{color:#9b1c1c;font-weight:600}.previews{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}" +
        "iframe{width:100%;height:520px;border:1px solid #e3e7ed;border-radius:6px}.combos a{margin-right:8px}" +
        "header{display:flex;justify-content:space-between;align-items:center}";

    public const string WrongKeyMessage = "That key is unknown, wrong or revoked.";

    /// <summary>Says why no key is accepted now and when one will be again, the page's Retry-After.</summary>
    public static string TooManyFailedKeysMessage(long retryAfterSeconds) => string.Create(CultureInfo.InvariantCulture,
        $"Too many wrong admin keys came from this address. No key is accepted from it for {retryAfterSeconds} seconds; sign in after that.");

    /// <param name="nonce">The response's style nonce.</param>
    /// <param name="error">Why the last sign-in failed, or null.</param>
    public static string SignIn(string nonce, string? error)
    {
        var body = new StringBuilder("<h1>Mailseal administration</h1>");
        if (error is not null)
        {
            body.Append("<p class=\"error\" id=\"sign-in-error\">").Append(HtmlEncoder.Default.Encode(error)).Append("</p>");
        }

        body.Append("<form method=\"post\" action=\"").Append(AdminPagePaths.SignIn).Append("\">")
            .Append("<label for=\"key\">Admin API key</label>")
            .Append("<input type=\"password\" id=\"key\" name=\"key\" autocomplete=\"off\" required>")
            .Append("<button type=\"submit\" id=\"sign-in\">Sign in</button></form>")
            .Append("<p>Create a key with <code>mailseal admin-key new</code>.</p>");
        return Document(nonce, "Sign in", body.ToString());
    }

    public static string Dashboard(string nonce, AdminPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = HtmlEncoder.Default;
        var first = model.Days[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = model.Days[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        body.Append("<header><h1>Mailseal administration</h1><form method=\"post\" action=\"").Append(AdminPagePaths.SignOut)
            .Append("\"><button type=\"submit\" id=\"sign-out\">Sign out</button></form></header>");
        body.Append(CultureInfo.InvariantCulture, $"<h2>Messages per rule per day</h2><p>{first} to {last} (UTC), all directions.</p>");
        body.Append("<p class=\"legend\">");
        foreach (var (_, colour, label) in TrafficChart.Series)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<span><svg class=\"swatch\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"{colour}\"/></svg>{label}</span>");
        }

        body.Append("</p>");
        if (model.Rules.Count == 0)
        {
            body.Append("<p id=\"no-traffic\">No rule matched a message in these days.</p>");
        }

        foreach (var rule in model.Rules.Take(ChartedRuleCount))
        {
            body.Append("<section class=\"rule-chart\" data-rule=\"").Append(html.Encode(rule.RuleName)).Append("\"><h3>")
                .Append(html.Encode(rule.RuleName)).Append("</h3>").Append(TrafficChart.Render(rule, model.Days)).Append("</section>");
        }

        AppendTopRules(body, model.Rules);
        AppendPreviews(body, model);
        return Document(nonce, "Administration", body.ToString());
    }

    private static void AppendTopRules(StringBuilder body, IReadOnlyList<RuleTraffic> rules)
    {
        var html = HtmlEncoder.Default;
        body.Append("<h2>Top rules</h2><table id=\"top-rules\"><thead><tr><th>Rule</th>");
        foreach (var (_, _, label) in TrafficChart.Series)
        {
            body.Append("<th>").Append(label).Append("</th>");
        }

        body.Append("<th>total</th></tr></thead><tbody>");
        foreach (var rule in rules.Take(TopRuleCount))
        {
            body.Append("<tr><td>").Append(html.Encode(rule.RuleName)).Append("</td>");
            foreach (var (action, _, _) in TrafficChart.Series)
            {
                body.Append(CultureInfo.InvariantCulture, $"<td>{rule.TotalOf(action)}</td>");
            }

            body.Append(CultureInfo.InvariantCulture, $"<td>{rule.Total}</td></tr>");
        }

        body.Append("</tbody></table>");
    }

    private static void AppendPreviews(StringBuilder body, AdminPageModel model)
    {
        var html = HtmlEncoder.Default;
        body.Append("<h2>Branding previews</h2><p class=\"combos\">");
        foreach (var template in model.Templates)
        {
            body.Append("<strong>").Append(html.Encode(template)).Append("</strong>: ");
            foreach (var language in WrapperLanguage.Translated)
            {
                body.Append("<a href=\"").Append(html.Encode(AdminPagePaths.Dashboard + AdminPagePaths.PreviewQuery(template, language)))
                    .Append("\">").Append(language).Append("</a>");
            }

            body.Append("<br>");
        }

        var query = html.Encode(AdminPagePaths.PreviewQuery(model.PreviewTemplate, model.PreviewLanguage));
        body.Append("</p><h3 id=\"preview-title\">").Append(html.Encode(model.PreviewTemplate)).Append(" · ")
            .Append(html.Encode(model.PreviewLanguage)).Append("</h3><div class=\"previews\">");
        AppendFrame(body, "preview-wrapper", "Wrapper mail", AdminPagePaths.WrapperPreview + query);
        AppendFrame(body, "preview-message-html", "message.html", AdminPagePaths.MessageHtmlPreview + query);
        if (model.PortalHosted)
        {
            AppendFrame(body, "preview-portal", "Portal page", AdminPagePaths.PortalPagePreview + query);
        }
        else
        {
            body.Append("<div><h3>Portal page</h3><p id=\"portal-not-hosted\">The portal is not hosted in this process, ")
                .Append("so its page cannot be previewed here.</p></div>");
        }

        body.Append("</div>");
    }

    // An empty sandbox: no script, no forms, no navigation of the admin page, an origin of its own.
    private static void AppendFrame(StringBuilder body, string id, string title, string source) =>
        body.Append(CultureInfo.InvariantCulture,
            $"<div><h3>{title}</h3><iframe id=\"{id}\" sandbox=\"\" title=\"{title}\" src=\"{source}\"></iframe></div>");

    private static string Document(string nonce, string title, string body) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{title} · Mailseal</title><style nonce=\"{nonce}\">{Style}</style></head><body><main>{body}</main></body></html>";
}
