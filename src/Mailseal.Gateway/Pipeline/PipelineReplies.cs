using System.Globalization;
using Mailseal.Core.Rules;
using Mailseal.Delivery;
using Mailseal.Gateway.Front;
using Mailseal.Protection.Sealing;

namespace Mailseal.Gateway.Pipeline;

/// <summary>Every reply the pipeline gives, in one place (the table in docs/gateway.md).</summary>
public static class PipelineReplies
{
    public static readonly SmtpReply TemporaryFailure = new(451, "4.3.0", "Temporarily unable to process the message, try again later");
    public static readonly SmtpReply Misconfigured = new(451, "4.3.5", "Encryption is not configured correctly here, try again later");
    public static readonly SmtpReply TooDeep = new(554, "5.6.0", "MIME nesting too deep");
    public static readonly SmtpReply Loop = new(554, "5.4.6", "Too many hops: mail loop detected");
    public static readonly SmtpReply NonOrdinaryRefused = new(550, "5.7.1", "This kind of message (meeting request, receipt, report) cannot be encrypted");

    public static SmtpReply Rejected(RejectDecision reject)
    {
        ArgumentNullException.ThrowIfNull(reject);
        var code = reject.StatusCode.StartsWith("5.7", StringComparison.Ordinal) ? 550 : 554;
        return new SmtpReply(code, reject.StatusCode, OneLine(reject.ReasonText));
    }

    public static SmtpReply Refused(SealingRefusalReason reason) => reason switch
    {
        SealingRefusalReason.MessageTooLarge => new(552, "5.3.4", "Message too large to encrypt"),
        SealingRefusalReason.TooManyRecipients => new(550, "5.5.3", "Too many recipients to encrypt"),
        SealingRefusalReason.ToHeaderTooLong => new(554, "5.6.0", "To header too long to encrypt"),
        SealingRefusalReason.NoRecipients => new(554, "5.5.0", "No recipient to encrypt for"),
        _ => Misconfigured,
    };

    public static SmtpReply Delivered(RecipientResult result, string action)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            DeliveryStatus.Delivered => SmtpReply.Ok($"Ok: {action}"),
            DeliveryStatus.TransientFailure => new(
                result.ReplyCode is >= 400 and < 500 ? result.ReplyCode.Value : 451,
                result.EnhancedStatusCode is { } t && t.StartsWith("4.", StringComparison.Ordinal) ? t : "4.4.0",
                OneLine("Next hop: " + result.Detail)),
            _ => new(
                result.ReplyCode is >= 500 and < 600 ? result.ReplyCode.Value : 554,
                result.EnhancedStatusCode is { } p && p.StartsWith("5.", StringComparison.Ordinal) ? p : "5.0.0",
                OneLine("Next hop: " + result.Detail)),
        };
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 400 ? line : line[..400].ToString(CultureInfo.InvariantCulture);
    }
}
