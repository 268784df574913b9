using System.Globalization;
using System.Net;
using Mailseal.Core.Branding;
using Mailseal.Core.Keys;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Delivery;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Pipeline;
using Mailseal.Portal.PassCodes;
using Mailseal.Protection;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;
using Mailseal.Storage;
using Mailseal.Testing;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Mailseal.Admin.Tests.Infrastructure;

/// <summary>
/// A gateway (the real front with SMTP and Submission on 127.0.0.1 port 0, the real pipeline, a rule that seals
/// mail to outside recipients, delivery to a pickup folder) and a portal's pass-code service sending through the
/// gateway's Submission listener, over one SQLite database, as `mailseal run` has them.
/// </summary>
internal sealed class MailNodes : IAsyncDisposable
{
    public const string Sender = "alice@example.org";
    public const string Recipient = "bob@example.net";
    public const string SealingRule = "Seal outside";
    private const string SubmissionUser = "portal";
    private const string SubmissionPassword = "a long submission password";

    private readonly ServiceProvider _gateway;
    private readonly GatewayFront _front;
    private readonly ServiceProvider _portal;

    private MailNodes(TempDirectory temp, ServiceProvider gateway, GatewayFront front, ServiceProvider portal)
    {
        Temp = temp;
        _gateway = gateway;
        _front = front;
        _portal = portal;
    }

    public TempDirectory Temp { get; }

    public string DataDirectory => Temp.Combine("data");

    public string Outbox => Temp.Combine("outbox");

    public static async Task<MailNodes> StartAsync()
    {
        var temp = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = temp.Combine("data"),
            ["Delivery:PickupDirectory"] = temp.Combine("outbox"),
        }).Build();
        var frontOptions = new GatewayFrontOptions { Hostname = "gateway.test" };
        frontOptions.Listeners.Add(new ListenerOptions { Name = "smtp", Protocol = FrontProtocol.Smtp, Endpoint = "127.0.0.1:0" });
        frontOptions.Listeners.Add(new ListenerOptions { Name = "submission", Protocol = FrontProtocol.Submission, Endpoint = "127.0.0.1:0" });
        frontOptions.Submission = new SubmissionCredentialsOptions { UserName = SubmissionUser, Password = SubmissionPassword };
        var gateway = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(frontOptions))
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddMailsealDelivery(configuration)
            .AddMailsealPipeline(configuration)
            .AddSingleton<SpoolFactory>(() => new MemoryStream())
            .BuildServiceProvider();
        await gateway.GetRequiredService<MailsealStorage>().MigrateAsync();
        await gateway.GetRequiredService<KeyManager>().CreateInitialKeysAsync("Contoso", CryptoMode.Mode2, 2048);
        await gateway.GetRequiredService<IOrganizationStore>().UpsertAcceptedDomainAsync(new AcceptedDomain { DomainName = "example.org" });
        await gateway.GetRequiredService<ITransportRuleStore>().UpsertAsync(new TransportRule
        {
            Name = SealingRule,
            Actions = new RuleActions { ApplyOme = true },
            Conditions = [RulePredicate.Of("SentToScope", "NotInOrganization")],
        });
        var front = new GatewayFront(Microsoft.Extensions.Options.Options.Create(frontOptions), gateway.GetRequiredService<IMessageHandler>(),
            () => new MemoryStream(), gateway.GetRequiredService<ILogger<GatewayFront>>());
        await front.StartAsync(CancellationToken.None);

        var portalConfiguration = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:ServiceAddress"] = "no-reply@example.org",
            ["Portal:Submission:Endpoint"] = $"127.0.0.1:{front.Listeners.Single(l => l.Protocol == FrontProtocol.Submission).EndPoint.Port}",
            ["Portal:Submission:UserName"] = SubmissionUser,
            ["Portal:Submission:Password"] = SubmissionPassword,
        }).Build();
        var portal = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddMailsealStorage(portalConfiguration)
            .AddMailsealProtection(portalConfiguration)
            .AddMailsealPortalPassCodes(portalConfiguration)
            .BuildServiceProvider();
        foreach (var service in portal.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new MailNodes(temp, gateway, front, portal);
    }

    /// <summary>Sends a plain message from <see cref="Sender"/> to <see cref="Recipient"/> over SMTP; the rule seals it.</summary>
    public async Task SendOverSmtpAsync()
    {
        var message = new MimeMessage { Subject = "Quarterly numbers" };
        message.From.Add(MailboxAddress.Parse(Sender));
        message.To.Add(MailboxAddress.Parse(Recipient));
        message.Body = new TextPart("plain") { Text = "The numbers are in." };
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _front.Listeners.Single(l => l.Protocol == FrontProtocol.Smtp).EndPoint.Port);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    /// <summary>A license sealed for <see cref="Recipient"/>, as the portal receives it.</summary>
    public async Task<License> SealAsync()
    {
        var message = new MimeMessage { Subject = "For the pass code" };
        message.From.Add(MailboxAddress.Parse(Sender));
        message.To.Add(MailboxAddress.Parse(Recipient));
        message.Body = new TextPart("plain") { Text = "Sealed." };
        using var input = new MemoryStream();
        await message.WriteToAsync(input);
        input.Position = 0;
        using var wrapper = new MemoryStream();
        return await _gateway.GetRequiredService<MessageSealer>().SealAsync(input, new MessageSealRequest(Sender, [Recipient], OmeConfiguration.DefaultIdentity), wrapper);
    }

    public Task<PassCodeIssue> RequestPassCodeAsync(License license) =>
        PassCodes.RequestAsync(new PassCodeRequest("pre-session-1", license, Recipient, IPAddress.Parse("192.0.2.10"), CultureInfo.GetCultureInfo("en")), CancellationToken.None);

    public Task<PassCodeCheck> TryPassCodeAsync(License license, string code) =>
        PassCodes.VerifyAsync(new PassCodeAttempt("pre-session-1", license, Recipient, code, IPAddress.Parse("192.0.2.10")), CancellationToken.None);

    /// <summary>Waits (the worker sends in the background) until the pickup folder holds <paramref name="count"/> mails.</summary>
    public async Task WaitForDeliveriesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Directory.Exists(Outbox) || Directory.GetFiles(Outbox, "*.eml").Length < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Fewer than {count} mails reached the pickup folder within 30 s.");
            }

            await Task.Delay(50);
        }
    }

    private PassCodeService PassCodes => _portal.GetRequiredService<PassCodeService>();

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _portal.GetServices<IHostedService>())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _portal.DisposeAsync();
        await _front.DisposeAsync();
        await _gateway.DisposeAsync();
        Temp.Dispose();
    }
}
