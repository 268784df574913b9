using MailKit.Net.Smtp;
using Mailseal.Testing.Organization;
using MimeKit;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>The organisation the Postfix tests set up as an operator would, and the mail they send through it.</summary>
internal static class MailFlow
{
    public const string Sender = "alice@example.org";
    public const string Secret = "The quarterly figures are confidential.";

    /// <summary>Mail leaving example.org is sealed; envelopes coming back to it are unsealed (docs/rules.md).</summary>
    public const string Rules = OrganizationDocuments.SealOutsideUnsealInside;

    /// <summary>
    /// `mailseal keys new` and `mailseal import` into <paramref name="dataDirectory"/>: in this process (it is the
    /// same command line, without a runtime start), or as a child process when settings come from the environment.
    /// </summary>
    public static async Task SetUpAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var rules = Path.Combine(dataDirectory, "..", "mailseal.json");
        await File.WriteAllTextAsync(rules, Rules);
        await MailsealAsync(environment, "keys", "new", "--data-dir", dataDirectory);
        await MailsealAsync(environment, "import", "--data-dir", dataDirectory, rules);
    }

    /// <summary>Runs a `mailseal` command in this process on <paramref name="input"/>; fails the test unless it succeeds.</summary>
    public static async Task<byte[]> MailsealAsync(byte[] input, params string[] args)
    {
        var run = await CliRun.InvokeAsync(input, args);
        Assert.True(run.ExitCode == 0, $"mailseal {string.Join(' ', args)}: {run}");
        return run.StandardOutputBytes;
    }

    private static async Task MailsealAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        if (environment is null)
        {
            await MailsealAsync([], args);
        }
        else
        {
            await ChildProcess.MailsealAsync(environment, args);
        }
    }

    public static MimeMessage Message(string messageId, string body = Secret, string from = Sender)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("team@example.net"));
        message.Subject = "Figures";
        message.MessageId = messageId;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>Hands a message to Postfix on <paramref name="port"/>, as a mail client or another MTA would.</summary>
    public static async Task SubmitAsync(int port, MimeMessage message, string sender, params string[] recipients)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
        await client.SendAsync(message, MailboxAddress.Parse(sender), recipients.Select(MailboxAddress.Parse));
        await client.DisconnectAsync(quit: true);
    }
}
