namespace Mailseal.Portal.Replying;

/// <summary>The limits of <see cref="ReplyOptions"/> that the request alone decides, checked before any work.</summary>
internal static class ReplyLimits
{
    public static void Check(ReplyRequest request, ReplyOptions options)
    {
        if ((request.Text ?? "").Length > options.MaxTextLength)
        {
            throw new ReplyRejectedException(ReplyRejectionReason.TextTooLong, $"The text is longer than {options.MaxTextLength} characters.");
        }

        var attachments = request.Attachments ?? [];
        if (attachments.Count > options.MaxAttachments)
        {
            throw new ReplyRejectedException(
                ReplyRejectionReason.TooManyAttachments, $"The reply has {attachments.Count} attachments; at most {options.MaxAttachments} are allowed.");
        }

        var total = attachments.Sum(a => (long)a.Content.Length);
        if (total > options.MaxAttachmentBytes)
        {
            throw new ReplyRejectedException(
                ReplyRejectionReason.AttachmentsTooLarge, $"The attachments are {total} bytes; at most {options.MaxAttachmentBytes} are allowed.");
        }
    }
}
