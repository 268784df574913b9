using System.Net;
using Microsoft.Extensions.Logging;

namespace Mailseal.Gateway.Front;

/// <summary>
/// The front's log events: one per connection and one per transaction, with ids, addresses, sizes and reply codes.
/// Never message content or addresses of the envelope; the protocol trace (level Trace) shows only the verb of
/// AUTH and never its credentials, and MAIL/RCPT without their paths.
/// </summary>
internal static partial class FrontLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Connection {ConnectionId} from {RemoteEndPoint} on {Listener} opened")]
    public static partial void ConnectionOpened(ILogger logger, string connectionId, IPEndPoint remoteEndPoint, string listener);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Connection {ConnectionId} closed after {Transactions} transactions")]
    public static partial void ConnectionClosed(ILogger logger, string connectionId, int transactions);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Connection from {RemoteEndPoint} on {Listener} refused: too many connections")]
    public static partial void TooManyConnections(ILogger logger, IPEndPoint remoteEndPoint, string listener);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Connection {ConnectionId} ended by an error")]
    public static partial void ConnectionFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Connection {ConnectionId} ended by an unexpected error")]
    public static partial void ConnectionDefect(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Listener {Listener}: accepting a connection failed")]
    public static partial void AcceptFailed(ILogger logger, string listener, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Transaction {TransactionId} on {ConnectionId} from {RemoteEndPoint}: {Recipients} recipients, {MessageBytes} bytes, violations {Violation}, replies {Replies}")]
    public static partial void TransactionCompleted(
        ILogger logger, string transactionId, string connectionId, IPEndPoint remoteEndPoint, int recipients, long messageBytes, DataViolation violation, string replies);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Transaction {TransactionId}: the client closed during DATA after {MessageBytes} bytes")]
    public static partial void DataAborted(ILogger logger, string transactionId, long messageBytes);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Transaction {TransactionId}: timeout during DATA")]
    public static partial void DataTimedOut(ILogger logger, string transactionId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Transaction {TransactionId}: the message handler failed; answered 451 4.3.0")]
    public static partial void HandlerFailed(ILogger logger, string transactionId, Exception exception);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Error,
        Message = "Transaction {TransactionId}: the message handler gave {Given} replies (or a malformed one) for {Expected} recipients; answered 451 4.3.0")]
    public static partial void HandlerBadOutcome(ILogger logger, string transactionId, int expected, int given);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Error, Message = "Transaction {TransactionId}: no spool could be opened; answered 451 4.3.0")]
    public static partial void SpoolFailed(ILogger logger, string transactionId, Exception exception);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Connection {ConnectionId} from {RemoteEndPoint}: authentication {Outcome}")]
    private static partial void AuthenticationAttempt(ILogger logger, string connectionId, IPEndPoint remoteEndPoint, string outcome);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Connection {ConnectionId}: TLS handshake failed")]
    public static partial void TlsFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Trace, Message = "Connection {ConnectionId} C: {Command}")]
    private static partial void CommandTrace(ILogger logger, string connectionId, string command);

    public static void Authentication(ILogger logger, string connectionId, IPEndPoint remoteEndPoint, bool accepted) =>
        AuthenticationAttempt(logger, connectionId, remoteEndPoint, accepted ? "succeeded" : "failed");

    public static void Transaction(
        ILogger logger, string connectionId, string transactionId, IPEndPoint remoteEndPoint, int recipients, DataResult data, IReadOnlyList<SmtpReply> replies)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var codes = string.Join(',', replies.Select(reply => $"{reply.Code} {reply.EnhancedCode}"));
            TransactionCompleted(logger, transactionId, connectionId, remoteEndPoint, recipients, data.MessageBytes, data.Violation, codes);
        }
    }

    /// <summary>Traces the command with everything that could be a secret or an address left out.</summary>
    public static void Command(ILogger logger, string connectionId, SmtpCommand command)
    {
        if (!logger.IsEnabled(LogLevel.Trace))
        {
            return;
        }

        var shown = command.Verb switch
        {
            SmtpVerb.Auth => "AUTH " + command.Argument.Split(' ', 2)[0] + " [redacted]",
            SmtpVerb.Mail or SmtpVerb.Rcpt or SmtpVerb.Vrfy => command.Name + " [path redacted]",
            SmtpVerb.Unknown => "[unknown command]",
            _ => command.Name + (command.Argument.Length > 0 ? " " + command.Argument : string.Empty),
        };
        CommandTrace(logger, connectionId, shown);
    }
}
