using System.Net;

namespace Mailseal.Gateway.Front;

/// <summary>
/// One client connection. The loop reads a command, asks <see cref="ProtocolStateTable"/> whether it is allowed
/// in the current state, runs the table's handler and moves to the table's next state on success.
/// </summary>
internal sealed partial class SmtpSession
{
    private readonly FrontContext _context;
    private readonly BoundListener _listener;
    private readonly SessionConnection _connection;
    private readonly TransactionState _transaction = new();
    private readonly string _connectionId;
    private SessionState _state = SessionState.Connected;
    private string? _heloName;
    private string? _authenticatedUser;
    private int _transactionCount;

    public SmtpSession(FrontContext context, BoundListener listener, SessionConnection connection, IPEndPoint remote, string connectionId)
    {
        _context = context;
        _listener = listener;
        _connection = connection;
        RemoteEndPoint = remote;
        _connectionId = connectionId;
    }

    public IPEndPoint RemoteEndPoint { get; }

    private GatewayFrontOptions Options => _context.Options;

    private FrontProtocol Protocol => _listener.Protocol;

    /// <summary>
    /// Serves the connection until QUIT, close or timeout. <paramref name="stopping"/> ends the session at the next
    /// command boundary (a transaction in DATA finishes first); <paramref name="abort"/> ends everything at once.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var banner = Protocol == FrontProtocol.Lmtp ? "LMTP" : "ESMTP";
        _connection.WriteLine($"220 {Options.Hostname} {banner} Mailseal");
        while (!stopping.IsCancellationRequested)
        {
            var line = await ReadCommandLineAsync(stopping, abort);
            if (line is null)
            {
                return;
            }

            if (!await ExecuteAsync(line.Value, abort))
            {
                await _connection.FlushAsync(abort);
                return;
            }
        }

        await SendFinalAsync(FrontReplies.ShuttingDown, abort);
    }

    public int TransactionCount => _transactionCount;

    /// <summary>Queues a reply; used by the table for replies that need no handler of their own.</summary>
    public ValueTask<CommandResult> ReplyAsync(SmtpReply reply, CancellationToken cancellationToken)
    {
        _connection.Write(reply);
        return ValueTask.FromResult(CommandResult.Advance);
    }

    public async ValueTask<CommandResult> QuitAsync(CancellationToken cancellationToken)
    {
        _connection.Write(FrontReplies.Bye);
        await _connection.FlushAsync(cancellationToken);
        return CommandResult.Close;
    }

    public ValueTask<CommandResult> ResetAsync(CancellationToken cancellationToken)
    {
        _transaction.Clear();
        return ReplyAsync(FrontReplies.ResetOk, cancellationToken);
    }

    private async Task<CommandLine?> ReadCommandLineAsync(CancellationToken stopping, CancellationToken abort)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping, abort);
        timeout.CancelAfter(Options.CommandTimeout);
        try
        {
            var line = await _connection.ReadLineAsync(Options.MaxLineLength, timeout.Token);
            return line.Status == LineStatus.Closed ? null : line;
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            await SendFinalAsync(stopping.IsCancellationRequested ? FrontReplies.ShuttingDown : FrontReplies.Timeout, abort);
            return null;
        }
    }

    // False when the connection must close.
    private async Task<bool> ExecuteAsync(CommandLine line, CancellationToken cancellationToken)
    {
        switch (line.Status)
        {
            case LineStatus.TooLong:
                _connection.Write(FrontReplies.LineTooLong);
                return true;
            case LineStatus.BareNewline:
                _connection.Write(FrontReplies.BareNewlineInCommand);
                return true;
        }

        if (line.Text.Any(c => c == '\0' || c == '\r'))
        {
            _connection.Write(FrontReplies.NotRecognized);
            return true;
        }

        var command = SmtpCommandParser.Parse(line.Text);
        FrontLog.Command(_context.Logger, _connectionId, command);
        var transition = ProtocolStateTable.Find(_state, command.Verb, Protocol);
        if (transition is null)
        {
            _connection.Write(RefusalFor(command.Verb));
            return true;
        }

        var result = await transition.Handler(this, command, cancellationToken);
        if (result == CommandResult.Advance && transition.Next is { } next)
        {
            _state = next;
        }

        return result != CommandResult.Close;
    }

    private SmtpReply RefusalFor(SmtpVerb verb)
    {
        if (verb == SmtpVerb.Unknown)
        {
            return FrontReplies.NotRecognized;
        }

        return ProtocolStateTable.IsImplemented(verb, Protocol) ? FrontReplies.BadSequence : FrontReplies.NotImplemented;
    }

    private async Task SendFinalAsync(SmtpReply reply, CancellationToken cancellationToken)
    {
        _connection.Write(reply);
        try
        {
            await _connection.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The client is gone already; the connection closes either way.
        }
    }
}
