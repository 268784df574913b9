using Mailseal.Core.Keys;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Delivery;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Pipeline;
using Mailseal.Gateway.Tests.Front;
using Mailseal.Protection;
using Mailseal.Protection.Keys;
using Mailseal.Storage;
using Mailseal.Testing;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailseal.Gateway.Tests.Pipeline;

/// <summary>
/// The real front and pipeline on 127.0.0.1 port 0, SQLite and keys in a temp folder, delivery to a pickup folder
/// there. <c>replace</c> swaps registered parts for failure injection.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string OrgDomain = "example.org";

    private readonly TempDirectory _temp;

    private GatewayHarness(TempDirectory temp, ServiceProvider services, GatewayFront front)
    {
        _temp = temp;
        Services = services;
        Front = front;
    }

    public ServiceProvider Services { get; }

    public GatewayFront Front { get; }

    public string Outbox => _temp.Combine("outbox");

    public static async Task<GatewayHarness> StartAsync(
        Action<IServiceCollection>? replace = null, IDictionary<string, string?>? settings = null, bool createKeys = true)
    {
        var temp = new TempDirectory();
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = temp.Combine("data"),
            ["Delivery:PickupDirectory"] = temp.Combine("outbox"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var frontOptions = TestFront.DefaultOptions();
        var collection = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(frontOptions))
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddMailsealDelivery(configuration)
            .AddMailsealPipeline(configuration)
            .AddSingleton<SpoolFactory>(() => new MemoryStream());
        replace?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<MailsealStorage>().MigrateAsync(CancellationToken.None);
        if (createKeys)
        {
            await services.GetRequiredService<KeyManager>().CreateInitialKeysAsync("Test", CryptoMode.Mode2, 2048);
        }

        await services.GetRequiredService<IOrganizationStore>().UpsertAcceptedDomainAsync(new AcceptedDomain { DomainName = OrgDomain });
        var front = new GatewayFront(
            Microsoft.Extensions.Options.Options.Create(frontOptions), services.GetRequiredService<IMessageHandler>(),
            () => new MemoryStream(), services.GetRequiredService<ILogger<GatewayFront>>());
        await front.StartAsync(CancellationToken.None);
        return new GatewayHarness(temp, services, front);
    }

    public Task AddRuleAsync(TransportRule rule) => Services.GetRequiredService<ITransportRuleStore>().UpsertAsync(rule);

    public Task AddUserAsync(OrganizationUser user) => Services.GetRequiredService<IOrganizationStore>().UpsertUserAsync(user);

    public async Task<SmtpClient> ConnectAsync(FrontProtocol protocol = FrontProtocol.Smtp)
    {
        var port = Front.Listeners.First(l => l.Protocol == protocol).EndPoint.Port;
        var client = await MailKitClients.ConnectAsync(port);
        if (protocol == FrontProtocol.Submission)
        {
            await client.AuthenticateAsync(TestFront.UserName, TestFront.Password);
        }

        return client;
    }

    /// <summary>The pickup files written so far.</summary>
    public IReadOnlyList<PickupFile> Delivered() => Directory.Exists(Outbox)
        ? [.. Directory.GetFiles(Outbox, "*.eml").Order(StringComparer.Ordinal).Select(PickupFile.Read)]
        : [];

    public PickupFile DeliveredTo(string recipient) =>
        Delivered().Single(f => f.Receivers.Contains(recipient, StringComparer.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        await Services.DisposeAsync();
        _temp.Dispose();
    }
}
