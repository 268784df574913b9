using Microsoft.Extensions.Logging;

namespace Mailseal.Gateway.Pipeline;

/// <summary>The pipeline's structured events: no body, no subject, recipients hashed.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Message {TransactionId}: {Bytes} bytes, class {MessageClass}, {Copies} copies, rules [{Rules}], outcome {Outcome}")]
    public static partial void Message(ILogger logger, string transactionId, long bytes, string messageClass, int copies, string rules, string outcome);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Copy of {TransactionId}: action {Action}, envelope {EnvelopeId}, recipients [{RecipientHashes}], rules [{Rules}], {BytesOut} bytes out, replies [{Replies}]")]
    public static partial void Copy(ILogger logger, string transactionId, string action, string? envelopeId, string recipientHashes, string rules, long bytesOut, string replies);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Copy of {TransactionId} ({Action}) failed; answered 4xx, nothing sent in plain text")]
    public static partial void CopyFailed(ILogger logger, Exception exception, string transactionId, string action);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Copy of {TransactionId} cannot be sealed: {Reason}")]
    public static partial void SealingRefused(ILogger logger, string transactionId, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Message {TransactionId} looks like an envelope but does not verify here; it is treated as an ordinary message")]
    public static partial void EnvelopeNotVerified(ILogger logger, string transactionId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Message {TransactionId}: tracking not recorded (the mail was handled): {Error}")]
    public static partial void TrackingFailed(ILogger logger, string transactionId, string error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Message {TransactionId}: rule {Rule} matched in AuditAndNotify mode for recipient {RecipientHash}")]
    public static partial void Notify(ILogger logger, string transactionId, string rule, string recipientHash);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Traffic counters not written yet (kept for the next flush): {Error}")]
    public static partial void TrafficFlushFailed(ILogger logger, string error);
}
