using System.Globalization;
using System.Net;
using System.Security.Authentication;

namespace Mailseal.Gateway.Front;

internal sealed partial class SmtpSession
{
    public ValueTask<CommandResult> GreetAsync(SmtpCommand command, bool extended, CancellationToken cancellationToken)
    {
        if (command.Argument.Length == 0 || command.Argument.Contains(' ', StringComparison.Ordinal))
        {
            return ReplyAsync(new SmtpReply(501, "5.5.4", $"Syntax: {command.Name.ToUpperInvariant()} hostname"), cancellationToken);
        }

        _transaction.Clear();
        _heloName = command.Argument;
        if (!extended)
        {
            _connection.WriteLine($"250 {Options.Hostname}");
            return ValueTask.FromResult(CommandResult.Advance);
        }

        var keywords = new List<string>
        {
            "PIPELINING",
            string.Create(CultureInfo.InvariantCulture, $"SIZE {Options.MaxMessageBytes}"),
            "8BITMIME",
            "SMTPUTF8",
            "ENHANCEDSTATUSCODES",
        };
        if (_context.Tls is not null && !_connection.IsTls)
        {
            keywords.Add("STARTTLS");
        }

        if (CanAuthenticate)
        {
            keywords.Add("AUTH PLAIN LOGIN");
        }

        _connection.WriteLine($"250-{Options.Hostname}");
        for (var i = 0; i < keywords.Count; i++)
        {
            _connection.WriteLine($"250{(i == keywords.Count - 1 ? ' ' : '-')}{keywords[i]}");
        }

        return ValueTask.FromResult(CommandResult.Advance);
    }

    public async ValueTask<CommandResult> StartTlsAsync(SmtpCommand command, CancellationToken cancellationToken)
    {
        if (command.Argument.Length > 0)
        {
            return await ReplyAsync(FrontReplies.SyntaxError, cancellationToken);
        }

        if (_connection.IsTls)
        {
            return await ReplyAsync(FrontReplies.AlreadyTls, cancellationToken);
        }

        if (_context.Tls is null)
        {
            _connection.Write(FrontReplies.TlsNotAvailable);
            return CommandResult.Stay;
        }

        _connection.Write(FrontReplies.ReadyForTls);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.CommandTimeout);
            await _connection.UpgradeToTlsAsync(_context.Tls, timeout.Token);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException)
        {
            FrontLog.TlsFailed(_context.Logger, _connectionId, exception);
            return CommandResult.Close;
        }

        // RFC 3207 §4.2: forget everything learnt before the handshake.
        _transaction.Clear();
        _heloName = null;
        _authenticatedUser = null;
        return CommandResult.Advance;
    }

    // AUTH only on Submission, only once, and only over TLS unless the client is on this machine.
    private bool CanAuthenticate =>
        Protocol == FrontProtocol.Submission
        && _authenticatedUser is null
        && (_connection.IsTls || IPAddress.IsLoopback(RemoteEndPoint.Address));
}
