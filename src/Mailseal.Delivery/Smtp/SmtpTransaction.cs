using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// One MAIL/RCPT/DATA transaction on an open connection, with a result per recipient. MAIL, RCPT and DATA go in
/// one write when the next hop offers PIPELINING — with the content at hand (<see cref="SendAsync"/>), or ahead of it
/// while it is made (<see cref="BeginAsync"/>, <see cref="CompleteAsync"/>); the message is streamed, dot-stuffed,
/// never re-encoded.
/// </summary>
internal static class SmtpTransaction
{
    /// <summary>Sends the message; with <paramref name="reused"/> a closed connection shows as <see cref="StaleConnectionException"/>.</summary>
    public static async Task<DeliveryResult> SendAsync(SmtpConnection connection, OutboundMessage message, bool reused, DeliveryDeadline deadline)
    {
        var size = message.Content.CanSeek ? message.Content.Length - message.Content.Position : (long?)null;
        if (TooLarge(connection, message.Recipients, size) is { } tooLarge)
        {
            return tooLarge;
        }

        if (Utf8Refusal(connection, message.Sender, message.Recipients) is { } refusal)
        {
            return refusal;
        }

        var eightBit = connection.Capabilities.EightBitMime && await HasEightBitBytesAsync(message.Content, deadline.Token);
        var commands = EnvelopeCommands(connection, message.Sender, message.Recipients, size, eightBit);
        await WriteEnvelopeAsync(connection, commands, reused, deadline);
        return await FinishAsync(connection, message, commands, reused, deadline);
    }

    /// <summary>
    /// Writes the envelope of a copy whose content is still being made (PIPELINING only): no SIZE, which is not known
    /// yet, and BODY=8BITMIME whenever the next hop offers it (it allows 7-bit content too). Null when the envelope
    /// cannot go ahead (no PIPELINING, or an address the next hop cannot take): the copy then goes the ordinary way.
    /// </summary>
    public static async Task<string[]?> BeginAsync(SmtpConnection connection, OutboundEnvelope envelope, bool reused, DeliveryDeadline deadline)
    {
        if (!connection.Capabilities.Pipelining || Utf8Refusal(connection, envelope.Sender, envelope.Recipients) is not null)
        {
            return null;
        }

        var commands = EnvelopeCommands(connection, envelope.Sender, envelope.Recipients, size: null, eightBit: connection.Capabilities.EightBitMime);
        await WriteEnvelopeAsync(connection, commands, reused, deadline);
        // Making the content may take longer than one step (a large message sealed on busy cores): only the total counts.
        deadline.Disarm();
        return commands;
    }

    /// <summary>Reads the replies to an envelope written by <see cref="BeginAsync"/>, then sends <paramref name="message"/>'s content.</summary>
    public static async Task<DeliveryResult> CompleteAsync(
        SmtpConnection connection, OutboundMessage message, string[] commands, bool reused, DeliveryDeadline deadline)
    {
        var size = message.Content.CanSeek ? message.Content.Length - message.Content.Position : (long?)null;
        if (TooLarge(connection, message.Recipients, size) is { } tooLarge)
        {
            // The next hop may already wait for the data: closing the connection leaves it nothing to take.
            connection.IsUsable = false;
            return tooLarge;
        }

        return await FinishAsync(connection, message, commands, reused, deadline);
    }

    private static DeliveryResult? TooLarge(SmtpConnection connection, IReadOnlyList<string> recipients, long? size) =>
        connection.Capabilities.MaxSize is { } max && size > max
            ? DeliveryResult.ForAll(recipients, DeliveryStatus.PermanentFailure,
                $"The message ({size} bytes) is larger than the next hop accepts ({max} bytes).", null, "5.3.4")
            : null;

    private static DeliveryResult? Utf8Refusal(SmtpConnection connection, string sender, IReadOnlyList<string> recipients) =>
        NeedsUtf8(sender, recipients) && !connection.Capabilities.SmtpUtf8
            ? DeliveryResult.ForAll(recipients, DeliveryStatus.PermanentFailure,
                "The envelope has non-ASCII addresses and the next hop does not offer SMTPUTF8.", null, "5.6.7")
            : null;

    private static bool NeedsUtf8(string sender, IReadOnlyList<string> recipients) =>
        !Ascii.IsValid(sender) || recipients.Any(r => !Ascii.IsValid(r));

    /// <summary>MAIL FROM, one RCPT TO per recipient, and DATA last when the next hop offers PIPELINING.</summary>
    private static string[] EnvelopeCommands(SmtpConnection connection, string sender, IReadOnlyList<string> recipients, long? size, bool eightBit)
    {
        var mailFrom = new StringBuilder("MAIL FROM:<").Append(sender).Append('>');
        if (connection.Capabilities.Size && size is { } known)
        {
            mailFrom.Append(CultureInfo.InvariantCulture, $" SIZE={known}");
        }

        if (eightBit)
        {
            mailFrom.Append(" BODY=8BITMIME");
        }

        if (NeedsUtf8(sender, recipients))
        {
            mailFrom.Append(" SMTPUTF8");
        }

        mailFrom.Append("\r\n");
        return [mailFrom.ToString(), .. recipients.Select(r => $"RCPT TO:<{r}>\r\n"), .. connection.Capabilities.Pipelining ? ["DATA\r\n"] : Array.Empty<string>()];
    }

    /// <summary>The replies to the envelope, then the content when a recipient was accepted, then the reply to it.</summary>
    private static async Task<DeliveryResult> FinishAsync(
        SmtpConnection connection, OutboundMessage message, string[] commands, bool reused, DeliveryDeadline deadline)
    {
        // Until the reply to the data is read, the next transaction on this connection starts with RSET.
        connection.NeedsReset = true;
        var envelope = await ReadEnvelopeAsync(connection, commands, reused, deadline);
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

    /// <summary>With PIPELINING the whole envelope in one write; without it, MAIL alone (RCPT follow one by one).</summary>
    private static async Task WriteEnvelopeAsync(SmtpConnection connection, string[] commands, bool reused, DeliveryDeadline deadline)
    {
        try
        {
            await connection.WriteAsync(connection.Capabilities.Pipelining ? string.Concat(commands) : commands[0], deadline);
        }
        catch (Exception ex) when (reused && ex is IOException or SocketException)
        {
            throw new StaleConnectionException(ex);
        }
    }

    /// <summary>
    /// The replies to MAIL, each RCPT and (with PIPELINING, RFC 2920 §3.1: DATA may end a group) DATA. On a reused
    /// connection, a first reply that never comes or says 421 is a connection the next hop closed while it was idle:
    /// <see cref="StaleConnectionException"/>, before anything was accepted.
    /// </summary>
    private static async Task<Envelope> ReadEnvelopeAsync(SmtpConnection connection, string[] commands, bool reused, DeliveryDeadline deadline)
    {
        var pipelining = connection.Capabilities.Pipelining;
        var rcptReplies = new SmtpReply?[commands.Length - (pipelining ? 2 : 1)];
        SmtpReply mail;
        try
        {
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
            rcptReplies[i] = await connection.CommandAsync(commands[i + 1], deadline);
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
