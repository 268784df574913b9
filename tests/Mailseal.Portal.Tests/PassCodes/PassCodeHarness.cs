using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Mailseal.Core.Branding;
using Mailseal.Core.Keys;
using Mailseal.Core.Organization;
using Mailseal.Delivery;
using Mailseal.Delivery.Dkim;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Pipeline;
using Mailseal.Portal.PassCodes;
using Mailseal.Protection;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;
using Mailseal.Storage;
using Mailseal.Testing;
using Mailseal.Testing.Dkim;
using Mailseal.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mailseal.Portal.Tests.PassCodes;

/// <summary>
/// A gateway node (the real front with a Submission listener on 127.0.0.1 port 0 and the real pipeline, delivering
/// to a pickup folder) and a portal node (the pass-code service on a <see cref="FakeTimeProvider"/>) over one SQLite
/// database, as `mailseal run` has them. The organisation example.org has keys, a DKIM key and a branding template.
/// </summary>
internal sealed partial class PassCodeHarness : IAsyncDisposable
{
    public const string ServiceAddress = "no-reply@example.org";
    public const string Sender = "alice@example.org";
    public const string Bob = "bob@example.net";
    public const string Carol = "carol@example.net";
    public const string Stranger = "mallory@example.net";
    public const string BrandedEmailText = "Contoso protects what you receive.";
    private const string SubmissionUser = "portal";
    private const string SubmissionPassword = "a long submission password";

    private readonly TempDirectory _temp;
    private readonly ServiceProvider _gateway;
    private readonly GatewayFront _front;
    private readonly PassCodeMailWorker _worker;

    private PassCodeHarness(TempDirectory temp, ServiceProvider gateway, GatewayFront front, ServiceProvider portal, FakeTimeProvider time,
        RecordingLoggerProvider logs, InMemoryDkimPublicKeyLocator locator)
    {
        _temp = temp;
        _gateway = gateway;
        _front = front;
        Portal = portal;
        Time = time;
        Logs = logs;
        Locator = locator;
        Service = portal.GetRequiredService<PassCodeService>();
        _worker = portal.GetRequiredService<PassCodeMailWorker>();
    }

    public ServiceProvider Portal { get; }

    public PassCodeService Service { get; }

    public FakeTimeProvider Time { get; }

    public RecordingLoggerProvider Logs { get; }

    public InMemoryDkimPublicKeyLocator Locator { get; }

    public string Outbox => _temp.Combine("outbox");

    public string DataDirectory => _temp.Combine("data");

    /// <summary>Starts both nodes; <paramref name="settings"/> add to or override the portal's configuration.</summary>
    public static async Task<PassCodeHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var temp = new TempDirectory();
        var shared = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = temp.Combine("data"),
            ["Delivery:PickupDirectory"] = temp.Combine("outbox"),
        };
        var logs = new RecordingLoggerProvider();
        var (gateway, front, locator) = await StartGatewayAsync(shared, logs);
        // Midnight UTC, so a test's hours stay within one day of attempts.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        var portalSettings = new Dictionary<string, string?>(shared)
        {
            ["Portal:ServiceAddress"] = ServiceAddress,
            ["Portal:ServiceDisplayName"] = "Contoso secure mail",
            ["Portal:Submission:Endpoint"] = $"127.0.0.1:{front.Listeners.Single(l => l.Protocol == FrontProtocol.Submission).EndPoint.Port}",
            ["Portal:Submission:UserName"] = SubmissionUser,
            ["Portal:Submission:Password"] = SubmissionPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            portalSettings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(portalSettings).Build();
        var portal = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(time)
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddMailsealPortalPassCodes(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var harness = new PassCodeHarness(temp, gateway, front, portal, time, logs, locator);
        await harness._worker.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Seals a message from <see cref="Sender"/> to <paramref name="recipients"/> and returns its verified license.</summary>
    public async Task<License> SealAsync(params string[] recipients)
    {
        var message = new MimeMessage { Subject = "Quarterly numbers" };
        message.From.Add(MailboxAddress.Parse(Sender));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Body = new TextPart("plain") { Text = "The numbers are in." };
        using var input = new MemoryStream();
        await message.WriteToAsync(input);
        input.Position = 0;
        using var wrapper = new MemoryStream();
        return await _gateway.GetRequiredService<MessageSealer>().SealAsync(
            input, new MessageSealRequest(Sender, recipients, "Contoso"), wrapper);
    }

    public Task<PassCodeIssue> RequestAsync(License license, string address, string preSession = "pre-session-1", string client = "192.0.2.10", string culture = "en") =>
        Service.RequestAsync(new PassCodeRequest(preSession, license, address, IPAddress.Parse(client), CultureInfo.GetCultureInfo(culture)), CancellationToken.None);

    public Task<PassCodeCheck> VerifyAsync(License license, string address, string code, string preSession = "pre-session-1") =>
        Service.VerifyAsync(new PassCodeAttempt(preSession, license, address, code, IPAddress.Parse("192.0.2.10")), CancellationToken.None);

    /// <summary>The code mails delivered to <paramref name="address"/> so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string address) => Directory.Exists(Outbox)
        ? [.. Directory.GetFiles(Outbox, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.Headers.Any(h => h.Field == "X-Receiver" && h.Value.Trim() == address))]
        : [];

    /// <summary>Waits (in real time: the gateway runs on the clock) until <paramref name="count"/> mails reached <paramref name="address"/>.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var mails = MailsTo(address);
            if (mails.Count >= count)
            {
                return mails[count - 1];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No mail number {count} for {address} within 30 s. Logs:\n{string.Join('\n', Logs.Lines)}");
    }

    public static string CodeIn(MimeMessage mail) => EightDigits().Match(mail.TextBody ?? "").Value;

    /// <summary>All 8-digit runs in everything either node logged, to look for codes.</summary>
    public HashSet<string> EightDigitRunsInLogs()
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match run in Digits().Matches(string.Join('\n', Logs.Lines)))
        {
            for (var i = 0; i + 8 <= run.Value.Length; i++)
            {
                runs.Add(run.Value.Substring(i, 8));
            }
        }

        return runs;
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        await Portal.DisposeAsync();
        await _front.DisposeAsync();
        await _gateway.DisposeAsync();
        _temp.Dispose();
    }

    private static async Task<(ServiceProvider Gateway, GatewayFront Front, InMemoryDkimPublicKeyLocator Locator)> StartGatewayAsync(
        Dictionary<string, string?> settings, RecordingLoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var frontOptions = new GatewayFrontOptions { Hostname = "gateway.test" };
        frontOptions.Listeners.Add(new ListenerOptions { Name = "smtp", Protocol = FrontProtocol.Smtp, Endpoint = "127.0.0.1:0" });
        frontOptions.Listeners.Add(new ListenerOptions { Name = "submission", Protocol = FrontProtocol.Submission, Endpoint = "127.0.0.1:0" });
        frontOptions.Submission = new SubmissionCredentialsOptions { UserName = SubmissionUser, Password = SubmissionPassword };
        var gateway = new ServiceCollection()
            // Everything the gateway logs too, protocol trace included: a code must not show up there either.
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
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
        await gateway.GetRequiredService<IOmeConfigurationStore>().UpsertAsync(new OmeConfiguration("Contoso", EmailText: BrandedEmailText));
        var dkim = await gateway.GetRequiredService<DkimKeyManager>().CreateAsync("example.org", "portal", 1024);
        var locator = new InMemoryDkimPublicKeyLocator();
        locator.Publish(dkim.DnsName, DkimDnsRecord.Value(dkim));
        var front = new GatewayFront(
            Microsoft.Extensions.Options.Options.Create(frontOptions), gateway.GetRequiredService<IMessageHandler>(),
            () => new MemoryStream(), gateway.GetRequiredService<ILogger<GatewayFront>>());
        await front.StartAsync(CancellationToken.None);
        return (gateway, front, locator);
    }

    [GeneratedRegex(@"\b\d{8}\b")]
    private static partial Regex EightDigits();

    [GeneratedRegex(@"\d{8,}")]
    private static partial Regex Digits();
}
