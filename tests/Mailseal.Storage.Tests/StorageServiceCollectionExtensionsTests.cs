using Mailseal.Core.Branding;
using Mailseal.Core.Keys;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Core.Tenancy;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailseal.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task HostStart_ValidConfiguration_MigratesAndServesTheStores(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var keyFile = Temp.Combine($"kek-{Guid.NewGuid():N}.key");
        File.WriteAllBytes(keyFile, new byte[32]);
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = provider.ToString().ToUpperInvariant(),
            ["Storage:ConnectionString"] = options.ConnectionString,
            ["Storage:DataDirectory"] = options.DataDirectory,
            ["Storage:KeyEncryptionKeyFile"] = provider == StorageProvider.Postgres ? keyFile : null,
        });

        await host.StartAsync();

        var storage = host.Services.GetRequiredService<MailsealStorage>();
        Assert.Equal(provider, storage.Provider);
        Assert.Same(storage.Keys, host.Services.GetRequiredService<IKeyStore>());
        Assert.Same(storage.Tenants, host.Services.GetRequiredService<ITenantStore>());
        Assert.Same(storage.Branding, host.Services.GetRequiredService<IOmeConfigurationStore>());
        Assert.Same(storage.Organization, host.Services.GetRequiredService<IOrganizationStore>());
        Assert.Same(storage.TransportRules, host.Services.GetRequiredService<ITransportRuleStore>());
        Assert.NotNull(host.Services.GetRequiredService<KeyEncryptionKey>());
        await storage.Keys.AddAsync(TestKeys.Create("k1", DateTimeOffset.UnixEpoch));
        Assert.NotNull(await Open(options).Keys.FindAsync("k1"));
        await host.StopAsync();
    }

    [Fact]
    public async Task HostStart_PostgresWithoutConnectionString_FailsOnOptionsBeforeTouchingAnything()
    {
        var dataDirectory = Temp.Combine("data");
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:DataDirectory"] = dataDirectory,
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:ConnectionString is required", exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public void AddMailsealStorage_RegistrationAlone_TouchesNoDatabase()
    {
        var dataDirectory = Temp.Combine("data");
        using var host = BuildHost(new() { ["Storage:DataDirectory"] = dataDirectory });

        Assert.NotNull(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsOptionsValidationException()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres };

        Assert.Throws<OptionsValidationException>(() => MailsealStorage.Open(options, NullLoggerFactory.Instance));
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMailsealStorage(builder.Configuration);
        return builder.Build();
    }
}
