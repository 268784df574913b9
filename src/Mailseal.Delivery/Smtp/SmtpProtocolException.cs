namespace Mailseal.Delivery.Smtp;

/// <summary>The next hop answered something that ends the attempt: an unexpected reply, or a malformed one.</summary>
public sealed class SmtpProtocolException : Exception
{
    public SmtpProtocolException()
    {
    }

    public SmtpProtocolException(string message)
        : base(message)
    {
    }

    public SmtpProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SmtpProtocolException(string step, SmtpReply reply)
        : base($"{step}: {reply}")
    {
        ReplyCode = reply.Code;
        EnhancedStatusCode = reply.EnhancedStatusCode;
        IsTransient = !reply.IsPositive && reply.Code < 500;
    }

    /// <summary>The reply code that ended the attempt, when a reply did.</summary>
    public int? ReplyCode { get; }

    public string? EnhancedStatusCode { get; }

    /// <summary>False only when the next hop refused for good (5xx).</summary>
    public bool IsTransient { get; } = true;
}
