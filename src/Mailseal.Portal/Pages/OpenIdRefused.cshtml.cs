using Mailseal.Portal.Sessions;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Portal.Pages;

/// <summary>
/// GET /signin/refused: the one plain page for every refused sign-in with an account. It does not say which check
/// failed; while the arrival lives it offers the sign-in choice again.
/// </summary>
public sealed class OpenIdRefusedModel(PortalSignIn signIn) : PortalPageModel
{
    public bool HasPreSession { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var preSession = await signIn.FindPreSessionAsync(HttpContext, cancellationToken);
        if (preSession is not null)
        {
            HasPreSession = true;
            await UseBrandingAsync(preSession.BrandingTemplate, cancellationToken);
        }
    }
}
