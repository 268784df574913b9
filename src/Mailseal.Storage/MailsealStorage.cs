using Mailseal.Core.Administration;
using Mailseal.Core.Branding;
using Mailseal.Core.Dkim;
using Mailseal.Core.Keys;
using Mailseal.Core.Organization;
using Mailseal.Core.Portal;
using Mailseal.Core.Rules;
using Mailseal.Core.Tenancy;
using Mailseal.Core.Tracking;
using Mailseal.Storage.Database;
using Mailseal.Storage.KeyEncryption;
using Mailseal.Storage.Migrations;
using Mailseal.Storage.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Storage;

/// <summary>
/// The stores, the migrator and the key-encryption key source over one database. The host gets it from
/// <see cref="StorageServiceCollectionExtensions.AddMailsealStorage"/>; the command line opens it directly
/// with <see cref="Open"/>. Either way, call <see cref="MigrateAsync"/> before using the stores.
/// </summary>
public sealed class MailsealStorage : IAsyncDisposable
{
    private readonly StorageDatabase _database;
    private readonly SchemaMigrator _migrator;

    private MailsealStorage(StorageOptions options, StorageDatabase database, ILoggerFactory loggerFactory)
    {
        _database = database;
        _migrator = new SchemaMigrator(database, MigrationCatalog.For(database.Provider),
            loggerFactory.CreateLogger<SchemaMigrator>());
        Options = options;
        Keys = new SqlKeyStore(database);
        Tenants = new SqlTenantStore(database);
        Branding = new SqlOmeConfigurationStore(database);
        Organization = new SqlOrganizationStore(database);
        TransportRules = new SqlTransportRuleStore(database);
        DkimKeys = new SqlDkimKeyStore(database);
        TrafficCounters = new SqlTrafficCounterStore(database);
        Threads = new SqlThreadStore(database);
        PassCodes = new SqlPassCodeStore(database);
        PreSessions = new SqlPreSessionStore(database);
        PortalSessions = new SqlPortalSessionStore(database);
        RateCounters = new SqlRateCounterStore(database);
        DataProtectionKeys = new SqlDataProtectionKeyStore(database);
        AuditLog = new SqlAuditLogStore(database);
        AdminApiKeys = new SqlAdminApiKeyStore(database);
        KeyEncryptionKeys = new KeyEncryptionKeySource(options, loggerFactory.CreateLogger<KeyEncryptionKeySource>());
    }

    public StorageOptions Options { get; }

    public StorageProvider Provider => _database.Provider;

    public IKeyStore Keys { get; }

    public ITenantStore Tenants { get; }

    public IOmeConfigurationStore Branding { get; }

    public IOrganizationStore Organization { get; }

    public ITransportRuleStore TransportRules { get; }

    public IDkimKeyStore DkimKeys { get; }

    public ITrafficCounterStore TrafficCounters { get; }

    public IThreadStore Threads { get; }

    public IPassCodeStore PassCodes { get; }

    public IPreSessionStore PreSessions { get; }

    public IPortalSessionStore PortalSessions { get; }

    public IRateCounterStore RateCounters { get; }

    public IDataProtectionKeyStore DataProtectionKeys { get; }

    public IAuditLogStore AuditLog { get; }

    public IAdminApiKeyStore AdminApiKeys { get; }

    public KeyEncryptionKeySource KeyEncryptionKeys { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public int LatestSchemaVersion => _migrator.LatestVersion;

    /// <summary>
    /// Validates <paramref name="options"/> (throwing <see cref="OptionsValidationException"/>) and opens the
    /// database without touching it yet. For SQLite the data folder is created owner-only.
    /// </summary>
    public static MailsealStorage Open(StorageOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var validation = new StorageOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName,
                typeof(StorageOptions), validation.Failures);
        }

        StorageDatabase database = options.Provider switch
        {
            StorageProvider.Postgres => new PostgresStorageDatabase(options.ConnectionString!),
            _ => new SqliteStorageDatabase(SqliteConnectionString(options)),
        };
        return new MailsealStorage(options, database, loggerFactory);
    }

    /// <summary>
    /// Brings the schema up to date (see docs/storage.md). Throws <see cref="SchemaTooNewException"/>,
    /// leaving the database untouched, when a newer Mailseal has written it.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default) =>
        await _migrator.MigrateAsync(cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static string SqliteConnectionString(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var directory = options.FullDataDirectory;
        DataDirectory.Ensure(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, StorageOptions.SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }
}
