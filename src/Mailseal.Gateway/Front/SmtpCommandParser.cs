namespace Mailseal.Gateway.Front;

/// <summary>Splits a command line into verb and argument. Verbs are case-insensitive (RFC 5321 §2.4).</summary>
internal static class SmtpCommandParser
{
    private static readonly Dictionary<string, SmtpVerb> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EHLO"] = SmtpVerb.Ehlo,
        ["HELO"] = SmtpVerb.Helo,
        ["LHLO"] = SmtpVerb.Lhlo,
        ["MAIL"] = SmtpVerb.Mail,
        ["RCPT"] = SmtpVerb.Rcpt,
        ["DATA"] = SmtpVerb.Data,
        ["RSET"] = SmtpVerb.Rset,
        ["NOOP"] = SmtpVerb.Noop,
        ["QUIT"] = SmtpVerb.Quit,
        ["VRFY"] = SmtpVerb.Vrfy,
        ["HELP"] = SmtpVerb.Help,
        ["STARTTLS"] = SmtpVerb.StartTls,
        ["AUTH"] = SmtpVerb.Auth,
        ["BDAT"] = SmtpVerb.Bdat,
    };

    public static SmtpCommand Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? line : line[..space];
        var argument = space < 0 ? string.Empty : line[(space + 1)..].Trim(' ');
        var verb = Verbs.GetValueOrDefault(name, SmtpVerb.Unknown);
        return new SmtpCommand(verb, name, argument);
    }
}
