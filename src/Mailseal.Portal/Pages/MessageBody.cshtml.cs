using Mailseal.Portal.Reading;
using Mailseal.Portal.Viewing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>
/// GET /read/{envelopeId}/body/{partId?}: the sanitised body document of the message (or of an attached message),
/// for the read page's sandboxed frame, under the document's own policy: nothing loads but data: images.
/// </summary>
public sealed class MessageBodyModel(SessionMessageOpener opener, MessageViewBuilder views) : SessionPageModel
{
    [FromRoute(Name = "partId")]
    public string? PartId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var session = await RequireSessionAsync(cancellationToken);
        if (session is null)
        {
            return new StatusCodeResult(Response.StatusCode);
        }

        using var opened = await opener.OpenAsync(session, cancellationToken);
        if (opened is null)
        {
            return new StatusCodeResult(StatusCodes.Status410Gone);
        }

        MessageView view;
        try
        {
            view = views.Build(opened.Message);
        }
        catch (MessageViewException)
        {
            return new StatusCodeResult(StatusCodes.Status422UnprocessableEntity);
        }

        var target = ViewedParts.Find(view, PartId ?? "");
        if (target is null)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = MessageView.BodyContentSecurityPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(target.BodyDocument, "text/html; charset=utf-8");
    }
}
