using Mailseal.Core.Rules;
using Mailseal.Gateway.Tests.Front;
using MailKit.Net.Smtp;
using MimeKit;

namespace Mailseal.Gateway.Tests.Pipeline;

/// <summary>Messages, rules and sending helpers for the pipeline tests.</summary>
internal static class PipelineMessages
{
    public const string Body = "The quarterly figures are attached.\r\n";
    public const string InternalRecipient = "carol@example.org";
    public const string ExternalRecipient = "bob@example.net";
    public const string Sender = "alice@example.org";

    public static MimeMessage Message(string subject = "Figures", string messageId = "m1@example.org", string from = Sender)
    {
        var message = MailKitClients.Message(Body);
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(from));
        message.Subject = subject;
        message.MessageId = messageId;
        return message;
    }

    public static TransportRule Rule(string name, RuleActions actions, params RulePredicate[] conditions) =>
        new() { Name = name, Conditions = conditions, Actions = actions };

    public static TransportRule SealExternal(string name = "Seal external") =>
        Rule(name, new RuleActions { ApplyOme = true }, RulePredicate.Of("SentToScope", "NotInOrganization"));

    /// <summary>Sends and returns null, or the SMTP error the gateway answered.</summary>
    public static async Task<SmtpCommandException?> TrySendAsync(SmtpClient client, MimeMessage message, string sender, params string[] recipients)
    {
        try
        {
            await client.SendAsync(message, MailboxAddress.Parse(sender), recipients.Select(MailboxAddress.Parse));
            return null;
        }
        catch (SmtpCommandException ex)
        {
            return ex;
        }
    }
}
