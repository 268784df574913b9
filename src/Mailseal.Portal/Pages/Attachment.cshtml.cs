using Mailseal.Portal.Reading;
using Mailseal.Portal.Viewing;
using Microsoft.AspNetCore.Mvc;

namespace Mailseal.Portal.Pages;

/// <summary>
/// GET /read/{envelopeId}/attachments/{attachmentId}: one attachment, decoded in memory, always as a download
/// (Content-Disposition: attachment) with its own name and type, nosniff, and a sandbox policy in case a browser
/// renders it anyway.
/// </summary>
public sealed class AttachmentModel : SessionPageModel
{
    [FromRoute(Name = "attachmentId")]
    public string AttachmentId { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        using var viewed = await OpenViewAsync(cancellationToken);
        if (viewed is null)
        {
            return new StatusCodeResult(Response.StatusCode);
        }

        var listed = ViewedParts.FindAttachment(viewed.View, AttachmentId);
        var part = listed is null || viewed.Walked is null ? null : MessageViewBuilder.FindAttachment(viewed.Walked, AttachmentId);
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
