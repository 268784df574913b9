using Mailseal.Portal.Reading;
using Mailseal.Portal.Viewing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>
/// GET /read/{envelopeId}/attachments/{attachmentId}: one attachment, decoded in memory, always as a download
/// (Content-Disposition: attachment) with its own name and type, nosniff, and a sandbox policy in case a browser
/// renders it anyway.
/// </summary>
public sealed class AttachmentModel(SessionMessageOpener opener, MessageViewBuilder views) : SessionPageModel
{
    [FromRoute(Name = "attachmentId")]
    public string AttachmentId { get; set; } = "";

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

        var listed = ViewedParts.FindAttachment(view, AttachmentId);
        var part = listed is null ? null : views.FindAttachment(opened.Message, AttachmentId);
        if (listed is null || part?.Content is null)
        {
            return NotFound();
        }

        var content = new MemoryStream();
        await part.Content.DecodeToAsync(content, cancellationToken);
        content.Position = 0;
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(content, listed.ContentType, listed.FileName);
    }
}
