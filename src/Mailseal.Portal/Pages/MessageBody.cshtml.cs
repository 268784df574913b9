using Mailseal.Portal.Reading;
using Mailseal.Portal.Viewing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>
/// GET /read/{envelopeId}/body/{partId?}: the sanitised body document of the message (or of an attached message),
/// for the read page's sandboxed frame, under the document's own policy: nothing loads but data: images.
/// </summary>
public sealed class MessageBodyModel : SessionPageModel
{
    [FromRoute(Name = "partId")]
    public string? PartId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        using var viewed = await OpenViewAsync(cancellationToken);
        var target = viewed is null ? null : ViewedParts.Find(viewed.View, PartId ?? "");
        if (target is null)
        {
            return new StatusCodeResult(viewed is null ? Response.StatusCode : StatusCodes.Status404NotFound);
        }

        Response.Headers.ContentSecurityPolicy = MessageView.BodyContentSecurityPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(target.BodyDocument, "text/html; charset=utf-8");
    }
}
