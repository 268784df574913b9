using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// One MAIL/RCPT/DATA transaction on an open connection, with a result per recipient. MAIL, RCPT and DATA go in
/// one write when the next hop offers PIPELINING; the message is streamed, dot-stuffed, never re-encoded.
/// </summary>
internal static class SmtpTransaction
{
    /// <summary>Sends the message; with <paramref name="reused"/> a closed connection shows as <see cref="StaleConnectionException"/>.</summary>
    public static async Task<DeliveryResult> SendAsync(SmtpConnection connection, OutboundMessage message, bool reused, DeliveryDeadline deadline)
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
        // Until the reply to the data is read, the next transaction on this connection starts with RSET.
        connection.NeedsReset = true;
        var envelope = await EnvelopeAsync(connection, mailFrom.ToString(), rcptTo, reused, deadline);
        var (mailReply, rcptReplies) = (envelope.Mail, envelope.Rcpt);
        connection.IsUsable &= !mailReply.IsClosing && !rcptReplies.Any(r => r?.IsClosing == true) && envelope.Data?.IsClosing != true;
        var results = new RecipientResult?[message.Recipients.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if (!mailReply.IsPositive)
            {
                results[i] = Result(message.Recipients[i], mailReply.FailureStatus, mailReply);
            }
            else if (rcptReplies[i] is { IsPositive: false } reply)
            {
                results[i] = Result(message.Recipients[i], reply.FailureStatus, reply);
            }
        }

        var nobodyAccepted = results.All(r => r is not null);
        if (nobodyAccepted && envelope.Data?.Code == 354)
        {
            // A next hop that opens the data with no recipient accepted: closing the connection drops it, and nothing is sent.
            connection.IsUsable = false;
        }

        if (nobodyAccepted || !connection.IsUsable)
        {
            return Complete(message.Recipients, results, rcptReplies.FirstOrDefault(r => r?.IsClosing == true) ?? (mailReply.IsClosing ? mailReply : null));
        }

        var dataReply = envelope.Data ?? await connection.CommandAsync("DATA\r\n", deadline);
        if (dataReply.Code == 354)
        {
            await DotStuffingWriter.WriteAsync(message.Content, connection.Stream,
                () => deadline.Arm(connection.Options.CommandTimeout), deadline.Token);
            dataReply = await connection.Reader.ReadAsync(deadline.Arm(connection.Options.DataReplyTimeout));
            connection.NeedsReset = false;
        }

        connection.IsUsable &= !dataReply.IsClosing;
        var status = dataReply.IsPositive ? DeliveryStatus.Delivered : dataReply.FailureStatus;
        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= Result(message.Recipients[i], status, dataReply);
        }

        return new DeliveryResult(results!);
    }

    /// <summary>
    /// MAIL and RCPT, and with PIPELINING the DATA command too (RFC 2920 §3.1: DATA may end a group), in one write.
    /// On a reused connection, a first reply that never comes or says 421 is a connection the next hop has closed
    /// while it was idle: <see cref="StaleConnectionException"/>, before anything was accepted.
    /// </summary>
    private static async Task<Envelope> EnvelopeAsync(
        SmtpConnection connection, string mailFrom, List<string> rcptTo, bool reused, DeliveryDeadline deadline)
    {
        var rcptReplies = new SmtpReply?[rcptTo.Count];
        var pipelining = connection.Capabilities.Pipelining;
        SmtpReply mail;
        try
        {
            await connection.WriteAsync(pipelining ? mailFrom + string.Concat(rcptTo) + "DATA\r\n" : mailFrom, deadline);
            mail = await connection.Reader.ReadAsync(deadline.Arm(connection.Options.CommandTimeout));
        }
        catch (Exception ex) when (reused && ex is IOException or SocketException)
        {
            throw new StaleConnectionException(ex);
        }

        if (reused && mail.IsClosing)
        {
            throw new StaleConnectionException(mail.ToString());
        }

        if (pipelining)
        {
            for (var i = 0; i < rcptReplies.Length; i++)
            {
                rcptReplies[i] = await connection.Reader.ReadAsync(deadline.Arm(connection.Options.CommandTimeout));
            }

            var data = await connection.Reader.ReadAsync(deadline.Arm(connection.Options.CommandTimeout));
            return new Envelope(mail, rcptReplies, data);
        }

        if (!mail.IsPositive)
        {
            return new Envelope(mail, rcptReplies, null);
        }

        for (var i = 0; i < rcptReplies.Length; i++)
        {
            rcptReplies[i] = await connection.CommandAsync(rcptTo[i], deadline);
            if (rcptReplies[i]!.IsClosing)
            {
                break;
            }
        }

        return new Envelope(mail, rcptReplies, null);
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

    private static RecipientResult Result(string recipient, DeliveryStatus status, SmtpReply reply) =>
        new(recipient, status, reply.Code, reply.EnhancedStatusCode, reply.ToString());

    private sealed record Envelope(SmtpReply Mail, SmtpReply?[] Rcpt, SmtpReply? Data);
}
