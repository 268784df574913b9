namespace Mailseal.Delivery.Smtp;

/// <summary>One complete (possibly multi-line) reply of the next hop.</summary>
/// <param name="Code">The three-digit reply code.</param>
/// <param name="EnhancedStatusCode">The RFC 3463 code at the start of the text ("5.1.1"), when present.</param>
/// <param name="Lines">The text of each line, without code, separator and enhanced code.</param>
internal sealed record SmtpReply(int Code, string? EnhancedStatusCode, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>421: the next hop is closing the connection.</summary>
    public bool IsClosing => Code == 421;

    public DeliveryStatus FailureStatus => IsTransient ? DeliveryStatus.TransientFailure : DeliveryStatus.PermanentFailure;

    public override string ToString() =>
        EnhancedStatusCode is null ? $"{Code} {string.Join(' ', Lines)}" : $"{Code} {EnhancedStatusCode} {string.Join(' ', Lines)}";
}
