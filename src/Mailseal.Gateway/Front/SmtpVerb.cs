namespace Mailseal.Gateway.Front;

/// <summary>The commands the front knows; anything else is <see cref="Unknown"/>.</summary>
internal enum SmtpVerb
{
    Unknown,
    Ehlo,
    Helo,
    Lhlo,
    Mail,
    Rcpt,
    Data,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Help,
    StartTls,
    Auth,
    Bdat,
}
