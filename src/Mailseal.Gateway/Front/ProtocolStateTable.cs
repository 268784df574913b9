namespace Mailseal.Gateway.Front;

/// <summary>
/// The protocol as data: for each state, the commands allowed, their handler and the state after success.
/// A command that is in no row for the listener's protocol is not implemented (502 5.5.1); one that exists
/// but not in the current state is out of sequence (503 5.5.1). The session loop decides nothing else.
/// </summary>
internal static class ProtocolStateTable
{
    private static readonly Dictionary<SessionState, StateTransition[]> Rows = new()
    {
        [SessionState.Connected] =
        [
            new(SmtpVerb.Ehlo, ProtocolMask.Esmtp, (s, c, t) => s.GreetAsync(c, extended: true, t), SessionState.Greeted),
            new(SmtpVerb.Helo, ProtocolMask.Esmtp, (s, c, t) => s.GreetAsync(c, extended: false, t), SessionState.Greeted),
            new(SmtpVerb.Lhlo, ProtocolMask.Lmtp, (s, c, t) => s.GreetAsync(c, extended: true, t), SessionState.Greeted),
            .. Always(resetTo: null),
        ],
        [SessionState.Greeted] =
        [
            .. Greetings(),
            new(SmtpVerb.StartTls, ProtocolMask.All, (s, c, t) => s.StartTlsAsync(c, t), SessionState.Connected),
            new(SmtpVerb.Auth, ProtocolMask.Submission, (s, c, t) => s.AuthenticateAsync(c, t), null),
            new(SmtpVerb.Mail, ProtocolMask.All, (s, c, t) => s.MailAsync(c, t), SessionState.Mail),
            .. Always(resetTo: SessionState.Greeted),
        ],
        [SessionState.Mail] =
        [
            .. Greetings(),
            new(SmtpVerb.Rcpt, ProtocolMask.All, (s, c, t) => s.RecipientAsync(c, t), SessionState.Rcpt),
            .. Always(resetTo: SessionState.Greeted),
        ],
        [SessionState.Rcpt] =
        [
            .. Greetings(),
            new(SmtpVerb.Rcpt, ProtocolMask.All, (s, c, t) => s.RecipientAsync(c, t), SessionState.Rcpt),
            new(SmtpVerb.Data, ProtocolMask.All, (s, c, t) => s.DataAsync(c, t), SessionState.Greeted),
            .. Always(resetTo: SessionState.Greeted),
        ],
    };

    /// <summary>The transition for <paramref name="verb"/> in <paramref name="state"/>, or null when not allowed there.</summary>
    public static StateTransition? Find(SessionState state, SmtpVerb verb, FrontProtocol protocol)
    {
        var mask = MaskOf(protocol);
        return Array.Find(Rows[state], row => row.Verb == verb && (row.Protocols & mask) != 0);
    }

    /// <summary>True when some state allows <paramref name="verb"/> for <paramref name="protocol"/>.</summary>
    public static bool IsImplemented(SmtpVerb verb, FrontProtocol protocol) =>
        Rows.Keys.Any(state => Find(state, verb, protocol) is not null);

    private static ProtocolMask MaskOf(FrontProtocol protocol) => protocol switch
    {
        FrontProtocol.Smtp => ProtocolMask.Smtp,
        FrontProtocol.Lmtp => ProtocolMask.Lmtp,
        FrontProtocol.Submission => ProtocolMask.Submission,
        _ => ProtocolMask.None,
    };

    // A new greeting in the middle of a session resets any open transaction (RFC 5321 §4.1.4).
    private static StateTransition[] Greetings() =>
    [
        new(SmtpVerb.Ehlo, ProtocolMask.Esmtp, (s, c, t) => s.GreetAsync(c, extended: true, t), SessionState.Greeted),
        new(SmtpVerb.Helo, ProtocolMask.Esmtp, (s, c, t) => s.GreetAsync(c, extended: false, t), SessionState.Greeted),
        new(SmtpVerb.Lhlo, ProtocolMask.Lmtp, (s, c, t) => s.GreetAsync(c, extended: true, t), SessionState.Greeted),
    ];

    // Allowed in every state. RSET ends a transaction but cannot stand in for a greeting.
    private static StateTransition[] Always(SessionState? resetTo) =>
    [
        new(SmtpVerb.Rset, ProtocolMask.All, (s, c, t) => s.ResetAsync(t), resetTo),
        new(SmtpVerb.Noop, ProtocolMask.All, (s, c, t) => s.ReplyAsync(SmtpReply.Ok(), t), null),
        new(SmtpVerb.Vrfy, ProtocolMask.All, (s, c, t) => s.ReplyAsync(FrontReplies.CannotVerify, t), null),
        new(SmtpVerb.Help, ProtocolMask.All, (s, c, t) => s.ReplyAsync(FrontReplies.Help, t), null),
        new(SmtpVerb.Quit, ProtocolMask.All, (s, c, t) => s.QuitAsync(t), null),
    ];
}
