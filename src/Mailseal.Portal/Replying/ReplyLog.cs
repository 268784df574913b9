using Microsoft.Extensions.Logging;

namespace Mailseal.Portal.Replying;

/// <summary>Reply events: envelope ids and counts only — no text, subject, file name or address.</summary>
internal static partial class ReplyLog
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Information,
        Message = "Reply {MessageKind} sealed as envelope {EnvelopeId} for {Recipients} recipients (copy to replier: {IsCopy}); all accepted: {Accepted}")]
    public static partial void Submitted(ILogger logger, ReplyKind messageKind, string envelopeId, int recipients, bool isCopy, bool accepted);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "Reply {MessageKind} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, ReplyKind messageKind, ReplyRejectionReason reason);
}
