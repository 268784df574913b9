using System.Buffers;
using System.Globalization;
using System.Text;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// One MAIL/RCPT/DATA transaction on an open connection, with a result per recipient. MAIL and RCPT go in
/// one write when the next hop offers PIPELINING; the message is streamed, dot-stuffed, never re-encoded.
/// </summary>
internal static class SmtpTransaction
{
    public static async Task<DeliveryResult> SendAsync(SmtpConnection connection, OutboundMessage message, DeliveryDeadline deadline)
    {
        var capabilities = connection.Capabilities;
        var size = message.Content.CanSeek ? message.Content.Length - message.Content.Position : (long?)null;
        if (capabilities.MaxSize is { } max && size > max)
        {
            return DeliveryResult.ForAll(message.Recipients, DeliveryStatus.PermanentFailure,
                $"The message ({size} bytes) is larger than the next hop accepts ({max} bytes).", null, "5.3.4");
        }

        var needsUtf8 = !Ascii.IsValid(message.Sender) || message.Recipients.Any(r => !Ascii.IsValid(r));
        if (needsUtf8 && !capabilities.SmtpUtf8)
        {
            return DeliveryResult.ForAll(message.Recipients, DeliveryStatus.PermanentFailure,
                "The envelope has non-ASCII addresses and the next hop does not offer SMTPUTF8.", null, "5.6.7");
        }

        var mailFrom = new StringBuilder("MAIL FROM:<").Append(message.Sender).Append('>');
        if (capabilities.Size && size is { } known)
        {
            mailFrom.Append(CultureInfo.InvariantCulture, $" SIZE={known}");
        }

        if (capabilities.EightBitMime && await HasEightBitBytesAsync(message.Content, deadline.Token))
        {
            mailFrom.Append(" BODY=8BITMIME");
        }

        if (needsUtf8)
        {
            mailFrom.Append(" SMTPUTF8");
        }

        mailFrom.Append("\r\n");
        var rcptTo = message.Recipients.Select(r => $"RCPT TO:<{r}>\r\n").ToList();
        var (mailReply, rcptReplies) = await EnvelopeAsync(connection, mailFrom.ToString(), rcptTo, deadline);
        connection.IsUsable &= !mailReply.IsClosing && !rcptReplies.Any(r => r?.IsClosing == true);
        if (!mailReply.IsPositive)
        {
            return ForAll(message.Recipients, mailReply);
        }

        var results = new RecipientResult?[message.Recipients.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if (rcptReplies[i] is { IsPositive: false } reply)
            {
                results[i] = Result(message.Recipients[i], reply.FailureStatus, reply);
            }
        }

        if (results.All(r => r is not null) || !connection.IsUsable)
        {
            return Complete(message.Recipients, results, rcptReplies.FirstOrDefault(r => r?.IsClosing == true));
        }

        var dataReply = await connection.CommandAsync("DATA\r\n", deadline);
        if (dataReply.Code == 354)
        {
            await DotStuffingWriter.WriteAsync(message.Content, connection.Stream,
                () => deadline.Arm(connection.Options.CommandTimeout), deadline.Token);
            dataReply = await connection.Reader.ReadAsync(deadline.Arm(connection.Options.DataReplyTimeout));
        }

        connection.IsUsable &= !dataReply.IsClosing;
        var status = dataReply.IsPositive ? DeliveryStatus.Delivered : dataReply.FailureStatus;
        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= Result(message.Recipients[i], status, dataReply);
        }

        return new DeliveryResult(results!);
    }

    private static async Task<(SmtpReply Mail, SmtpReply?[] Rcpt)> EnvelopeAsync(
        SmtpConnection connection, string mailFrom, List<string> rcptTo, DeliveryDeadline deadline)
    {
        var rcptReplies = new SmtpReply?[rcptTo.Count];
        if (connection.Capabilities.Pipelining)
        {
            await connection.WriteAsync(mailFrom + string.Concat(rcptTo), deadline);
            var mail = await connection.Reader.ReadAsync(deadline.Arm(connection.Options.CommandTimeout));
            for (var i = 0; i < rcptReplies.Length; i++)
            {
                rcptReplies[i] = await connection.Reader.ReadAsync(deadline.Arm(connection.Options.CommandTimeout));
            }

            return (mail, rcptReplies);
        }

        var mailReply = await connection.CommandAsync(mailFrom, deadline);
        if (!mailReply.IsPositive)
        {
            return (mailReply, rcptReplies);
        }

        for (var i = 0; i < rcptReplies.Length; i++)
        {
            rcptReplies[i] = await connection.CommandAsync(rcptTo[i], deadline);
            if (rcptReplies[i]!.IsClosing)
            {
                break;
            }
        }

        return (mailReply, rcptReplies);
    }

    // Decides BODY=8BITMIME; reads a seekable message once more and puts it back where it was.
    private static async Task<bool> HasEightBitBytesAsync(Stream content, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            return false;
        }

        var start = content.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (buffer.AsSpan(0, read).IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            content.Position = start;
        }
    }

    private static DeliveryResult Complete(IReadOnlyList<string> recipients, RecipientResult?[] results, SmtpReply? closing)
    {
        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= closing is null
                ? new RecipientResult(recipients[i], DeliveryStatus.TransientFailure, null, null, "The next hop closed the connection.")
                : Result(recipients[i], DeliveryStatus.TransientFailure, closing);
        }

        return new DeliveryResult(results!);
    }

    private static DeliveryResult ForAll(IReadOnlyList<string> recipients, SmtpReply reply) =>
        new(recipients.Select(r => Result(r, reply.FailureStatus, reply)).ToList());

    private static RecipientResult Result(string recipient, DeliveryStatus status, SmtpReply reply) =>
        new(recipient, status, reply.Code, reply.EnhancedStatusCode, reply.ToString());
}
