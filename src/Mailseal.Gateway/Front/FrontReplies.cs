namespace Mailseal.Gateway.Front;

/// <summary>The front's fixed replies, in one place so that texts and codes stay consistent (RFC 3463 codes).</summary>
internal static class FrontReplies
{
    public static readonly SmtpReply CannotVerify = new(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    public static readonly SmtpReply Help = new(214, "2.0.0", "See RFC 5321 and RFC 2033");
    public static readonly SmtpReply Bye = new(221, "2.0.0", "Bye");
    public static readonly SmtpReply StartData = new(354, "2.0.0", "End data with <CR><LF>.<CR><LF>");
    public static readonly SmtpReply ReadyForTls = new(220, "2.0.0", "Ready to start TLS");
    public static readonly SmtpReply BadSequence = new(503, "5.5.1", "Bad sequence of commands");
    public static readonly SmtpReply NotImplemented = new(502, "5.5.1", "Command not implemented");
    public static readonly SmtpReply NotRecognized = new(500, "5.5.2", "Command not recognized");
    public static readonly SmtpReply LineTooLong = new(500, "5.5.2", "Line too long");
    public static readonly SmtpReply BareNewlineInCommand = new(500, "5.5.2", "Command lines must end with CRLF");
    public static readonly SmtpReply SyntaxError = new(501, "5.5.4", "Syntax error in parameters or arguments");
    public static readonly SmtpReply UnknownParameter = new(555, "5.5.4", "Unsupported MAIL or RCPT parameter");
    public static readonly SmtpReply BadAddress = new(553, "5.1.3", "Bad address syntax");
    public static readonly SmtpReply NonAsciiAddress = new(553, "5.6.7", "Non-ASCII address needs the SMTPUTF8 parameter");
    public static readonly SmtpReply SizeExceeded = new(552, "5.3.4", "Message size exceeds the fixed maximum message size");
    public static readonly SmtpReply TooManyRecipients = new(452, "4.5.3", "Too many recipients");
    public static readonly SmtpReply RelayDenied = new(554, "5.7.1", "Relay access denied");
    public static readonly SmtpReply SenderOk = new(250, "2.1.0", "Sender ok");
    public static readonly SmtpReply RecipientOk = new(250, "2.1.5", "Recipient ok");
    public static readonly SmtpReply ResetOk = new(250, "2.0.0", "Ok");
    public static readonly SmtpReply AuthenticationRequired = new(530, "5.7.0", "Authentication required");
    public static readonly SmtpReply EncryptionRequired = new(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static readonly SmtpReply AuthenticationSucceeded = new(235, "2.7.0", "Authentication successful");
    public static readonly SmtpReply AuthenticationFailed = new(535, "5.7.8", "Authentication credentials invalid");
    public static readonly SmtpReply AuthenticationCancelled = new(501, "5.0.0", "Authentication cancelled");
    public static readonly SmtpReply UnknownMechanism = new(504, "5.5.4", "Unrecognized authentication mechanism");
    public static readonly SmtpReply AlreadyAuthenticated = new(503, "5.5.1", "Already authenticated");
    public static readonly SmtpReply TlsNotAvailable = new(454, "4.7.0", "TLS not available");
    public static readonly SmtpReply AlreadyTls = new(503, "5.5.1", "TLS already active");
    public static readonly SmtpReply HandlerFailed = new(451, "4.3.0", "Temporary failure, try again later");
    public static readonly SmtpReply TooManyConnections = new(421, "4.7.0", "Too many connections, try again later");
    public static readonly SmtpReply Timeout = new(421, "4.4.2", "Timeout, closing connection");
    public static readonly SmtpReply ShuttingDown = new(421, "4.3.2", "Service shutting down, closing connection");

    // What DATA gets when the bytes read break a limit; the front always reads to the real end first.
    public static readonly SmtpReply DataTooBig = new(552, "5.3.4", "Message size exceeds the fixed maximum message size");
    public static readonly SmtpReply DataLineTooLong = new(552, "5.3.4", "Message has a line longer than 1000 octets including CRLF; use a transfer encoding");
    public static readonly SmtpReply DataHeaderTooBig = new(552, "5.3.4", "Message has a header field larger than the maximum header size");
    public static readonly SmtpReply DataNul = new(550, "5.6.0", "Message contains NUL bytes, which SMTP cannot carry; use a transfer encoding");
    public static readonly SmtpReply DataBareNewline = new(550, "5.5.2", "Message contains a bare LF or bare CR; lines must end with CRLF");
}
