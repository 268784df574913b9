namespace Mailseal.Gateway.Front;

/// <summary>The limits a message is held to while it is read.</summary>
internal sealed record DataLimits(long MaxMessageBytes, int MaxLineLength, int MaxHeaderBytes)
{
    public static DataLimits From(GatewayFrontOptions options) =>
        new(options.MaxMessageBytes, options.MaxLineLength, options.MaxHeaderBytes);

    /// <summary>The reply for the most important violation, or null when there is none.</summary>
    public SmtpReply? ReplyFor(DataViolation violation)
    {
        if (violation.HasFlag(DataViolation.TooBig))
        {
            return FrontReplies.DataTooBig;
        }

        if (violation.HasFlag(DataViolation.LineTooLong))
        {
            return new SmtpReply(552, "5.3.4", $"Message has a line longer than {MaxLineLength} octets including CRLF; use a transfer encoding");
        }

        if (violation.HasFlag(DataViolation.HeaderTooBig))
        {
            return FrontReplies.DataHeaderTooBig;
        }

        if (violation.HasFlag(DataViolation.NulByte))
        {
            return FrontReplies.DataNul;
        }

        if (violation.HasFlag(DataViolation.BareNewline))
        {
            return FrontReplies.DataBareNewline;
        }

        return violation.HasFlag(DataViolation.SpoolFailed) ? FrontReplies.HandlerFailed : null;
    }
}
