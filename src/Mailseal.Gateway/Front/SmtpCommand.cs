namespace Mailseal.Gateway.Front;

/// <summary>One command line: its verb and what follows the verb (trimmed).</summary>
internal sealed record SmtpCommand(SmtpVerb Verb, string Name, string Argument);
