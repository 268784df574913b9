using Mailseal.Core.Portal;
using Mailseal.Portal.Reading;
using Mailseal.Portal.Sessions;
using Mailseal.Portal.Viewing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Pages;

/// <summary>
/// A page for a signed-in recipient of one envelope. The envelope named in the URL must be the session's own: a
/// session for envelope A answers 404 for envelope B, the same as for an envelope that does not exist.
/// </summary>
public abstract class SessionPageModel : PortalPageModel
{
    [FromRoute(Name = "envelopeId")]
    public string EnvelopeId { get; set; } = "";

    public PortalSession? Session { get; private set; }

    /// <summary>The session, or null with the response already set to 401 (no live session) or 404 (another envelope).</summary>
    protected async Task<PortalSession?> RequireSessionAsync(CancellationToken cancellationToken)
    {
        var signIn = HttpContext.RequestServices.GetRequiredService<PortalSignIn>();
        var session = await signIn.FindSessionAsync(HttpContext, cancellationToken);
        if (session is null)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        if (!string.Equals(session.EnvelopeId, EnvelopeId, StringComparison.Ordinal))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        Session = session;
        return session;
    }

    /// <summary>
    /// The session's message and its view, decrypted in memory for this request; or null with the response set to
    /// 401/404 (no session, another envelope), 410 (envelope gone, invalid or expired) or 422 (cannot be shown).
    /// </summary>
    protected async Task<ViewedMessage?> OpenViewAsync(CancellationToken cancellationToken)
    {
        var session = await RequireSessionAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var services = HttpContext.RequestServices;
        var opened = await services.GetRequiredService<SessionMessageOpener>().OpenAsync(session, cancellationToken);
        if (opened is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return null;
        }

        await UseBrandingAsync(opened.License.BrandingTemplate, cancellationToken);
        try
        {
            var (view, walked) = services.GetRequiredService<MessageViewBuilder>().BuildWalked(opened.Message);
            return new ViewedMessage(opened, view) { Walked = walked };
        }
        catch (MessageViewException)
        {
            opened.Dispose();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return null;
        }
    }
}
