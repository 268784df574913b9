using MimeKit;

namespace Mailseal.Testing.Corpus;

/// <summary>Invented correspondents on the reserved example domains.</summary>
internal static class CorpusPeople
{
    public static MailboxAddress Ada => new("Ada Lindqvist", "ada.lindqvist@example.com");

    public static MailboxAddress Bruno => new("Bruno Ferreira", "bruno.ferreira@example.org");

    public static MailboxAddress Chiara => new("Chiara Moretti", "chiara.moretti@example.net");

    public static MailboxAddress Dmitri => new("Dmitri Sokolov", "d.sokolov@example.org");

    public static MailboxAddress Emi => new("Emi Nakamura", "emi.nakamura@example.net");

    public static MailboxAddress Wei => new("Lin Wei-Ting", "weiting.lin@example.com");

    public static MailboxAddress Postmaster => new("Mail Delivery System", "mailer-daemon@mx1.example.com");

    public static MailboxAddress Numbered(int index) => new($"Recipient {index:D3}", $"recipient{index:D3}@example.net");
}
