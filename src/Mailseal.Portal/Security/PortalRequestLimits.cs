using Mailseal.Portal.Replying;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Security;

/// <summary>
/// Raises the body and form limits for the few requests that carry files, for them alone: the two arrivals (a
/// 25 MB message is about 35 MB of form data) and a reply with attachments. Every other request keeps
/// Portal:MaxRequestBytes. Reply attachments (plaintext the replier wrote) are held in memory, never in a
/// temporary file. Must run before anything reads the body.
/// </summary>
internal sealed class PortalRequestLimits(RequestDelegate next, IOptions<PortalOptions> portal, IOptions<ReplyOptions> reply)
{
    /// <summary>Room for the reply's text and form fields beside its attachments.</summary>
    private const long ReplyFormOverhead = 1024 * 1024;

    private readonly PortalOptions _portal = portal.Value;
    private readonly long _replyBytes = reply.Value.MaxAttachmentBytes + (reply.Value.MaxTextLength * 4L) + ReplyFormOverhead;
    private readonly int _replyFiles = reply.Value.MaxAttachments;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (PortalPaths.IsArrival(request))
        {
            // The upload of /open is read by the framework (for its antiforgery token); it is still sealed.
            Raise(context, _portal.MaxArrivalBytes, new FormOptions
            {
                MultipartBodyLengthLimit = _portal.MaxArrivalBytes,
                ValueCountLimit = 16,
            });
        }
        else if (PortalPaths.IsReply(request))
        {
            Raise(context, _replyBytes, new FormOptions
            {
                MultipartBodyLengthLimit = _replyBytes,
                MemoryBufferThreshold = (int)Math.Min(int.MaxValue, _replyBytes),
                ValueLengthLimit = (int)Math.Min(int.MaxValue, reply.Value.MaxTextLength * 4L),
                ValueCountLimit = 32 + _replyFiles,
            });
        }

        return next(context);
    }

    private static void Raise(HttpContext context, long maxBody, FormOptions form)
    {
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = maxBody;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, form));
    }
}
