using System.Globalization;
using Mailseal.Protection.Branding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Pages;

/// <summary>What every portal page has: the branding of the envelope at hand (logo, PortalText) in the browser's language.</summary>
public abstract class PortalPageModel : PageModel
{
    public EffectiveBranding Branding { get; private set; } = EffectiveBranding.Resolve(null, CultureInfo.CurrentUICulture.Name);

    /// <summary>Uses the envelope's branding template (the default look when it has none or it was removed).</summary>
    protected async Task UseBrandingAsync(string templateName, CancellationToken cancellationToken)
    {
        var templates = HttpContext.RequestServices.GetRequiredService<BrandingTemplateCache>();
        Branding = EffectiveBranding.Resolve(await templates.FindAsync(templateName, cancellationToken), CultureInfo.CurrentUICulture.Name);
    }
}
