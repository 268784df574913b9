using Mailseal.Core.Keys;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Delivery;
using Mailseal.Portal.Mail;
using Mailseal.Portal.Replying;
using Mailseal.Protection;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Sealing;
using Mailseal.Storage;
using Mailseal.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Mailseal.Portal.Tests.Replying;

/// <summary>
/// The reply service as the portal registers it, over SQLite and real keys in a temp folder; submissions are
/// recorded, then unsealed with the real unsealer.
/// </summary>
internal sealed class ReplyHarness : IAsyncDisposable
{
    public const string ServiceAddress = "secure-reply@example.org";

    private readonly TempDirectory _temp;

    private ReplyHarness(TempDirectory temp, ServiceProvider services)
    {
        _temp = temp;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public ReplyService Replies => Services.GetRequiredService<ReplyService>();

    public RecordingPortalMailSender Sender => (RecordingPortalMailSender)Services.GetRequiredService<IPortalMailSender>();

    public static async Task<ReplyHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var temp = new TempDirectory();
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = temp.Combine("data"),
            ["Delivery:PickupDirectory"] = temp.Combine("outbox"),
            ["Portal:Reply:ServiceAddress"] = ServiceAddress,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddMailsealDelivery(configuration)
            .AddMailsealPortalReplying(configuration)
            .AddSingleton<IPortalMailSender, RecordingPortalMailSender>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await services.GetRequiredService<MailsealStorage>().MigrateAsync();
        await services.GetRequiredService<KeyManager>().CreateInitialKeysAsync("Test", CryptoMode.Mode2, 2048);
        await services.GetRequiredService<IOrganizationStore>().UpsertAcceptedDomainAsync(new AcceptedDomain { DomainName = "example.org" });
        return new ReplyHarness(temp, services);
    }

    public Task AddRuleAsync(TransportRule rule) => Services.GetRequiredService<ITransportRuleStore>().UpsertAsync(rule);

    public Task AddUserAsync(OrganizationUser user) => Services.GetRequiredService<IOrganizationStore>().UpsertUserAsync(user);

    /// <summary>Unseals a recorded submission: its license and the inner message.</summary>
    public async Task<(License License, MimeMessage Inner, MimeMessage Wrapper)> UnsealAsync(RecordingPortalMailSender.Sent sent)
    {
        using var plaintext = new MemoryStream();
        var license = await Services.GetRequiredService<MessageUnsealer>().UnsealAsync(new MemoryStream(sent.Content), plaintext);
        plaintext.Position = 0;
        return (license, await MimeMessage.LoadAsync(plaintext), await MimeMessage.LoadAsync(new MemoryStream(sent.Content)));
    }

    /// <summary>The keyed hashes the license should hold for exactly <paramref name="addresses"/>.</summary>
    public async Task<HashSet<string>> ExpectedHashesAsync(License license, params string[] addresses)
    {
        var secret = await Services.GetRequiredService<ITenantKeyRing>().FindRecipientHashSecretAsync(license.RecipientHashKeyId)
            ?? throw new InvalidOperationException("No recipient hash secret.");
        return [.. addresses.Select(a => Convert.ToHexString(RecipientHasher.Hash(a, secret)))];
    }

    public static HashSet<string> HashesOf(License license) => [.. license.RecipientHashes.Select(h => Convert.ToHexString(h.AsSpan()))];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _temp.Dispose();
    }
}
