using System.Globalization;
using Mailseal.Portal.Reading;
using Mailseal.Portal.Replying;
using Mailseal.Portal.Viewing;
using Mailseal.Protection.Sealing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Mailseal.Portal.Pages;

/// <summary>
/// GET /read/{envelopeId}: the session's message (headers, the body in a sandboxed frame, attachments, attached
/// messages) and the reply form; POST ?handler=Reply seals and sends the reply. Decrypted in memory per request.
/// </summary>
public sealed partial class ReadModel(ILogger<ReadModel> logger)
    : SessionPageModel
{
    public MessageView? View { get; private set; }

    public bool ReplySent { get; private set; }

    public bool ReplyFailed { get; private set; }

    public static string SizeText(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.CurrentCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
    };

    public async Task OnGetAsync(string? sent, CancellationToken cancellationToken)
    {
        using var viewed = await OpenAsync(cancellationToken);
        ReplySent = View is not null && sent == "1";
    }

    public async Task<IActionResult> OnPostReplyAsync(
        [FromServices] ReplyService replies, string? kind, string? text, string? forwardTo, bool sendCopy, IFormFileCollection? files,
        CancellationToken cancellationToken)
    {
        using var viewed = await OpenAsync(cancellationToken);
        if (viewed is null || Session is null)
        {
            return Page();
        }

        var original = viewed.Opened.Message;

        if (!Enum.TryParse<ReplyKind>(kind, ignoreCase: false, out var replyKind) || !Enum.IsDefined(replyKind))
        {
            return Failed(StatusCodes.Status400BadRequest);
        }

        var attachments = new List<ReplyAttachment>();
        foreach (var file in files ?? new FormFileCollection())
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            attachments.Add(new ReplyAttachment(file.FileName, file.ContentType ?? "application/octet-stream", content.ToArray()));
        }

        var forwardAddresses = (forwardTo ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var replier = new Replier(Session.Recipient, DisplayNameOf(original, Session.Recipient));
        try
        {
            var outcome = await replies.SendAsync(
                original, replier, new ReplyRequest(replyKind, text ?? "", attachments, forwardAddresses, sendCopy), cancellationToken);
            if (!outcome.AllAccepted)
            {
                return Failed(StatusCodes.Status502BadGateway);
            }
        }
        catch (ReplyRejectedException ex)
        {
            LogReplyRejected(logger, ex.Reason);
            return Failed(StatusCodes.Status400BadRequest);
        }
        catch (SealingRefusedException)
        {
            return Failed(StatusCodes.Status503ServiceUnavailable);
        }

        return new SeeOtherResult(Url.Page("/Read", new { envelopeId = EnvelopeId, sent = "1" })!);
    }

    private PageResult Failed(int status)
    {
        ReplyFailed = true;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<ViewedMessage?> OpenAsync(CancellationToken cancellationToken)
    {
        var viewed = await OpenViewAsync(cancellationToken);
        View = viewed?.View;
        return viewed;
    }

    /// <summary>The replier's name as the original message spells it beside their address, if it does.</summary>
    private static string? DisplayNameOf(MimeMessage message, string address) =>
        message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .FirstOrDefault(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))?.Name is { Length: > 0 } name
            ? name
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "A reply was refused: {Reason}.")]
    private static partial void LogReplyRejected(ILogger logger, ReplyRejectionReason reason);
}
