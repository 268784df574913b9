using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mailseal.Core.Tests.Rules;

/// <summary>A standard message and organisation (contoso.com) to evaluate rules against.</summary>
internal static class RuleScenario
{
    public const string Sender = "ann@contoso.com";
    public const string External = "carol@fabrikam.com";
    public const string Internal = "bob@contoso.com";
    public const long Size = 5000;

    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static OrganizationSnapshot Organization(params OrganizationUser[] users) =>
        new([new AcceptedDomain { DomainName = "contoso.com" }], users);

    public static MimeMessage Message(string subject = "Quarterly payroll report", string body = "Please find the salary figures attached.")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Sender));
        message.To.Add(MailboxAddress.Parse(External));
        message.Subject = subject;
        message.Headers.Add("X-Project", "Apollo launch");
        message.Headers.Add("Auto-Submitted", "auto-replied");
        var builder = new BodyBuilder { TextBody = body };
        builder.Attachments.Add("figures.xlsx", new byte[3000]);
        message.Body = builder.ToMessageBody();
        return message;
    }

    public static MessageFacts Facts(params string[] recipients) => Facts(Message(), recipients);

    public static MessageFacts Facts(MimeMessage message, params string[] recipients) =>
        MessageFacts.From(message, Sender, recipients.Length == 0 ? [External] : recipients, Size);

    public static TransportRule Encrypt(string name = "encrypt", int priority = 0) => new()
    {
        Name = name,
        Priority = priority,
        Actions = new RuleActions { ApplyOme = true },
    };

    public static RuleEvaluation Evaluate(MessageFacts facts, OrganizationSnapshot organization, params TransportRule[] rules) =>
        new RuleEvaluator(new FakeTimeProvider(Now)).Evaluate(facts, organization, RuleSet.Compile(rules));

    public static RuleEvaluation Evaluate(params TransportRule[] rules) => Evaluate(Facts(), Organization(), rules);
}
