namespace Mailseal.Gateway.Front;

/// <summary>One cell of the state table: a command allowed in a state, who handles it, and where success leads.</summary>
/// <param name="Verb">The command.</param>
/// <param name="Protocols">Listeners whose protocol allows the command here.</param>
/// <param name="Handler">Runs the command and writes its reply.</param>
/// <param name="Next">State after success; null keeps the current state.</param>
internal sealed record StateTransition(
    SmtpVerb Verb,
    ProtocolMask Protocols,
    Func<SmtpSession, SmtpCommand, CancellationToken, ValueTask<CommandResult>> Handler,
    SessionState? Next);
