using Mailseal.Portal.Preview;
using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Portal.Pages;

/// <summary>GET /signin: the branded choice of how to prove who you are, for the browser's pre-session.</summary>
public sealed class SignInModel(PortalSignIn signIn) : PortalPageModel
{
    public bool Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The admin page's preview: the choice under the template asked for, with no pre-session to look up.
        if (HttpContext.Features.Get<PortalPagePreviewFeature>() is { } preview)
        {
            Found = true;
            await UseBrandingAsync(preview.TemplateName, cancellationToken);
            return;
        }

        var preSession = await signIn.FindPreSessionAsync(HttpContext, cancellationToken);
        if (preSession is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Found = true;
        await UseBrandingAsync(preSession.BrandingTemplate, cancellationToken);
    }
}
