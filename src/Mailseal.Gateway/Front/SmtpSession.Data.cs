using System.Globalization;

namespace Mailseal.Gateway.Front;

internal sealed partial class SmtpSession
{
    /// <summary>
    /// Streams the message into a spool, then hands it to the handler and answers with its replies: one per
    /// recipient over LMTP (RFC 2033 §4.2), one aggregated reply over SMTP.
    /// </summary>
    public async ValueTask<CommandResult> DataAsync(SmtpCommand command, CancellationToken cancellationToken)
    {
        if (command.Argument.Length > 0)
        {
            _connection.Write(FrontReplies.SyntaxError);
            return CommandResult.Stay;
        }

        var transactionId = string.Create(CultureInfo.InvariantCulture, $"{_connectionId}.{++_transactionCount}");
        await using var spool = OpenSpool(transactionId);
        if (spool is null)
        {
            _connection.Write(FrontReplies.HandlerFailed);
            return CommandResult.Stay;
        }

        _connection.Write(FrontReplies.StartData);
        DataResult data;
        using (var receiver = new DataReceiver(_context.Limits, spool))
        {
            try
            {
                data = await receiver.ReceiveAsync(_connection, Options.DataTimeout, cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                FrontLog.DataTimedOut(_context.Logger, transactionId);
                await SendFinalAsync(FrontReplies.Timeout, cancellationToken);
                return CommandResult.Close;
            }
        }

        if (!data.Completed)
        {
            FrontLog.DataAborted(_context.Logger, transactionId, data.MessageBytes);
            return CommandResult.Close;
        }

        var replies = _context.Limits.ReplyFor(data.Violation) is { } rejection
            ? Enumerable.Repeat(rejection, _transaction.Recipients.Count).ToArray()
            : await HandleMessageAsync(transactionId, spool, data.MessageBytes, cancellationToken);
        WriteDataReplies(transactionId, data, replies);
        _transaction.Clear();
        return CommandResult.Advance;
    }

    private Stream? OpenSpool(string transactionId)
    {
        try
        {
            return _context.SpoolFactory();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            FrontLog.SpoolFailed(_context.Logger, transactionId, exception);
            return null;
        }
    }

    private async Task<IReadOnlyList<SmtpReply>> HandleMessageAsync(string transactionId, Stream spool, long messageBytes, CancellationToken cancellationToken)
    {
        spool.Position = 0;
        var transaction = new MessageTransaction
        {
            TransactionId = transactionId,
            ListenerName = _listener.Name,
            Protocol = Protocol,
            RemoteEndPoint = RemoteEndPoint,
            AuthenticatedUser = _authenticatedUser,
            HeloName = _heloName ?? string.Empty,
            IsTls = _connection.IsTls,
            ReversePath = _transaction.ReversePath,
            Recipients = _transaction.Recipients.ToArray(),
            DeclaredSize = _transaction.DeclaredSize,
            MessageBytes = messageBytes,
            BodyType = _transaction.BodyType,
            SmtpUtf8 = _transaction.SmtpUtf8,
        };

        MessageOutcome outcome;
        try
        {
            outcome = await _context.Handler.HandleAsync(transaction, spool, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Never 250 and never a dropped connection: the client keeps the message and retries.
            FrontLog.HandlerFailed(_context.Logger, transactionId, exception);
            return Enumerable.Repeat(FrontReplies.HandlerFailed, transaction.Recipients.Count).ToArray();
        }

        var replies = outcome?.RecipientReplies;
        if (replies is null || replies.Count != transaction.Recipients.Count || !replies.All(reply => reply is { IsWellFormed: true }))
        {
            FrontLog.HandlerBadOutcome(_context.Logger, transactionId, transaction.Recipients.Count, replies?.Count ?? 0);
            return Enumerable.Repeat(FrontReplies.HandlerFailed, transaction.Recipients.Count).ToArray();
        }

        return replies;
    }

    private void WriteDataReplies(string transactionId, DataResult data, IReadOnlyList<SmtpReply> replies)
    {
        if (Protocol == FrontProtocol.Lmtp)
        {
            foreach (var reply in replies)
            {
                _connection.Write(reply);
            }
        }
        else
        {
            _connection.Write(SmtpReplyAggregator.Aggregate(replies));
        }

        FrontLog.Transaction(_context.Logger, _connectionId, transactionId, RemoteEndPoint, replies.Count, data, replies);
    }
}
