using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Mailseal.Portal.Viewing;

/// <summary>
/// HtmlSanitizer set up for mail bodies (docs/portal-reading.md): no script, forms, frames, objects, base,
/// meta or link; no URL that loads anything — only links (http, https, mailto) survive, opening in a new
/// window without referrer; cid: images become data: URIs of the message's own images; CSS keeps its looks
/// but loses every url(), image function and at-rule but @media. A new sanitizer per body, because the
/// cid: images differ per message; the shared policy is immutable.
/// </summary>
internal static partial class BodySanitizer
{
    private static readonly HashSet<string> RemovedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "button", "datalist", "form", "input", "keygen", "optgroup", "option", "output", "select", "textarea",
    };

    // Elements whose content is never meant to be read as text: dropped whole rather than unwrapped.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "noscript", "template", "title", "iframe", "frame", "frameset", "object", "embed", "applet",
        "noembed", "noframes", "xmp", "plaintext", "svg", "math", "head", "textarea", "select", "audio", "video",
    };

    private static readonly HashSet<string> RemovedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "action", "method", "enctype", "accept", "accept-charset", "autocomplete", "autosave", "challenge", "keytype",
        "contenteditable", "draggable", "dropzone", "accesskey", "tabindex", "longdesc", "target", "rel",
    };

    private static readonly HashSet<string> LinkTags = new(StringComparer.OrdinalIgnoreCase) { "a", "area" };

    private static readonly HtmlSanitizerOptions Policy = new()
    {
        AllowedTags = new HashSet<string>(
            HtmlSanitizerDefaults.AllowedTags.Except(RemovedTags, StringComparer.OrdinalIgnoreCase).Append("style"),
            StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(
            HtmlSanitizerDefaults.AllowedAttributes.Except(RemovedAttributes, StringComparer.OrdinalIgnoreCase).Append("background").Append("class"),
            StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(HtmlSanitizerDefaults.AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
        AllowedAtRules = new HashSet<CssRuleType> { CssRuleType.Style, CssRuleType.Media },
        AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "cid", "data"], StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes, StringComparer.OrdinalIgnoreCase),
        UriListAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriListAttributes, StringComparer.OrdinalIgnoreCase),
        AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
    };

    /// <summary>Returns the sanitised content of the body element of <paramref name="html"/>.</summary>
    public static string Sanitize(string html, IReadOnlyDictionary<string, InlineImage> images)
    {
        var dataUris = new Dictionary<string, string>(StringComparer.Ordinal);
        var sanitizer = new HtmlSanitizer(Policy)
        {
            KeepChildNodes = true,
            DisallowCssPropertyValue = CssThatLoads(),
        };
        sanitizer.RemovingTag += (_, e) =>
        {
            // Unknown and removed tags keep their text (Word's <o:p>, a form's labels); these lose it too.
            if (DroppedWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.Remove();
                e.Cancel = true;
            }
        };
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = FilterUrl(e.Tag, e.SanitizedUrl, images, dataUris);
        sanitizer.PostProcessNode += (_, e) => Finish(e.Node);
        return sanitizer.Sanitize(html);
    }

    /// <summary>Links may go to the web or to mail; images only come from the message; nothing else keeps a URL.</summary>
    private static string? FilterUrl(IElement tag, string? url, IReadOnlyDictionary<string, InlineImage> images, Dictionary<string, string> dataUris)
    {
        url = url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (LinkTags.Contains(tag.LocalName))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var link)
                && (link.Scheme is "http" or "https" ? link.Host.Length > 0 : link.Scheme == "mailto")
                ? url
                : null;
        }

        if (!url.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var contentId = Uri.UnescapeDataString(url[4..]).Trim('<', '>');
        if (!images.TryGetValue(contentId, out var image))
        {
            return null;
        }

        if (!dataUris.TryGetValue(contentId, out var dataUri))
        {
            dataUri = image.ToDataUri();
            dataUris[contentId] = dataUri;
        }

        return dataUri;
    }

    /// <summary>Links open a new window without a referrer; an image whose source was removed goes too (no broken-image icon).</summary>
    private static void Finish(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }

        if (LinkTags.Contains(element.LocalName) && element.HasAttribute("href"))
        {
            element.SetAttribute("target", "_blank");
            element.SetAttribute("rel", "noopener noreferrer");
        }
        else if (element.LocalName == "img" && !element.HasAttribute("src"))
        {
            element.Remove();
        }
    }

    // Any CSS value that could fetch something (url(), image-set(), src(), …) is dropped with its declaration.
    [GeneratedRegex(@"[<>]|\b(?:url|src|image|image-set|cross-fade|element|expression|paint)\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CssThatLoads();
}
