using System.Security.Cryptography;
using Mailseal.Core.Keys;
using Mailseal.Core.Portal;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Storage;
using Mailseal.Testing;
using Mailseal.Testing.Databases;
using Mailseal.Testing.Logging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailseal.Portal.Tests.Hosting;

/// <summary>
/// The portal's data-protection keys in the shared store are sealed under the key-encryption key, on SQLite and on
/// PostgreSQL: no master key in clear, no start-up warning, keys stored in clear by an earlier version still read,
/// and a key that does not open with a node's KEK is reported and skipped, never fatal.
/// </summary>
public sealed class DataProtectionKeyEncryptionTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const string Payload = "antiforgery stand-in";

    private readonly TempDirectory _shared = new();

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Start_EmptyStore_KeySealedUnderKekWithoutWarningAndReadAfterRestart(StorageProvider provider)
    {
        var kek = NewKekFile("kek-a");
        var store = await StoreSettingsAsync(provider, kek.Path);
        var logs = new RecordingLoggerProvider();
        string protectedPayload;
        await using (var first = await StartAsync(store, logs))
        {
            var rows = await first.Services.GetRequiredService<IDataProtectionKeyStore>().GetAllAsync();

            Assert.NotEmpty(rows);
            Assert.All(rows, row =>
            {
                Assert.DoesNotContain("<masterKey", row, StringComparison.Ordinal);
                Assert.Contains("KekXmlDecryptor", row, StringComparison.Ordinal);
                Assert.Contains(kek.Id, row, StringComparison.Ordinal);
            });
            Assert.DoesNotContain(logs.Lines, l => l.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));
            protectedPayload = Protector(first).Protect(Payload);
        }

        // A new process finds the decryptor by the type name recorded in the row.
        await using var second = await StartAsync(store, new RecordingLoggerProvider());
        Assert.Equal(Payload, Protector(second).Unprotect(protectedPayload));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Start_KeyStoredInClearByEarlierVersion_StillReadAndNextKeySealed(StorageProvider provider)
    {
        var kek = NewKekFile("kek-a");
        var store = await StoreSettingsAsync(provider, kek.Path);
        var earlierLogs = new RecordingLoggerProvider();
        string protectedPayload;
        // The earlier version: the same store with no XML encryptor.
        await using (var earlier = await StartAsync(store, earlierLogs, services =>
            services.PostConfigure<KeyManagementOptions>(options => options.XmlEncryptor = null)))
        {
            Assert.Contains("<masterKey", Assert.Single(await earlier.Services.GetRequiredService<IDataProtectionKeyStore>().GetAllAsync()), StringComparison.Ordinal);
            Assert.Contains(earlierLogs.Lines, l => l.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));
            protectedPayload = Protector(earlier).Protect(Payload);
        }

        var logs = new RecordingLoggerProvider();
        await using var upgraded = await StartAsync(store, logs);
        var keyStore = upgraded.Services.GetRequiredService<IDataProtectionKeyStore>();
        var before = await keyStore.GetAllAsync();
        upgraded.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var added = Assert.Single((await keyStore.GetAllAsync()).Except(before));

        Assert.Equal(Payload, Protector(upgraded).Unprotect(protectedPayload));
        Assert.DoesNotContain("<masterKey", added, StringComparison.Ordinal);
        Assert.Contains(kek.Id, added, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Start_AnotherKek_LogsTheKeyNamingBothSkipsItAndTheRightKekStillReadsTheFirst(StorageProvider provider)
    {
        var right = NewKekFile("kek-a");
        var wrong = NewKekFile("kek-b");
        var store = await StoreSettingsAsync(provider, right.Path);
        string token;
        await using (var first = await StartAsync(store, new RecordingLoggerProvider()))
        {
            token = Protector(first).Protect(Payload);
        }

        var logs = new RecordingLoggerProvider();
        await using (var misconfigured = await StartAsync([.. store, "--Storage:KeyEncryptionKeyFile=" + wrong.Path], logs))
        {
            // It runs (the gateway's mail must not stop for antiforgery keys), with a key of its own.
            Assert.Equal(Payload, Protector(misconfigured).Unprotect(Protector(misconfigured).Protect(Payload)));
            Assert.ThrowsAny<CryptographicException>(() => Protector(misconfigured).Unprotect(token));
        }

        Assert.Contains(logs.Lines, l => l.StartsWith($"{LogLevel.Error} ", StringComparison.Ordinal)
            && l.Contains($"does not open with this node's key-encryption key {wrong.Id}", StringComparison.Ordinal)
            && l.Contains(right.Id, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith($"{LogLevel.Warning} ", StringComparison.Ordinal) && l.Contains("is skipped", StringComparison.Ordinal));

        // Started again with the right KEK, the node still reads what the first start protected.
        await using var again = await StartAsync(store, new RecordingLoggerProvider());
        Assert.Equal(Payload, Protector(again).Unprotect(token));
    }

    public void Dispose() => _shared.Dispose();

    private static IDataProtector Protector(PortalApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Mailseal.Portal.Tests");

    private static Task<PortalApp> StartAsync(string[] store, RecordingLoggerProvider logs, Action<IServiceCollection>? services = null) =>
        PortalApp.StartAsync(false, registered =>
        {
            registered.AddSingleton<ILoggerProvider>(logs);
            services?.Invoke(registered);
        }, store);

    /// <summary>The settings of one store that several starts share; the KEK comes from a file, as an operator gives it.</summary>
    private async Task<string[]> StoreSettingsAsync(StorageProvider provider, string kekPath) => provider switch
    {
        StorageProvider.Sqlite => ["--Storage:DataDirectory=" + _shared.Combine("data"), "--Storage:KeyEncryptionKeyFile=" + kekPath],
        _ => ["--Storage:Provider=Postgres", "--Storage:ConnectionString=" + await postgres.CreateSchemaAsync(),
            "--Storage:KeyEncryptionKeyFile=" + kekPath],
    };

    private (string Path, string Id) NewKekFile(string name)
    {
        var bytes = RandomNumberGenerator.GetBytes(KeyEncryptionKey.SizeInBytes);
        var path = _shared.Combine(name);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (path, new KeyEncryptionKey(bytes).Id);
    }
}
