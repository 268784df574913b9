using System.Data.Common;
using Mailseal.Testing;
using Mailseal.Testing.Databases;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mailseal.Storage.Tests.Infrastructure;

/// <summary>
/// Gives each test a blank database of the provider it runs on: a new SQLite file in a temporary folder, or
/// a new schema in the test class's PostgreSQL database.
/// </summary>
public abstract class StorageTestBase : IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private readonly PostgresTestDatabase _postgres;
    private readonly List<MailsealStorage> _opened = [];

    protected StorageTestBase(PostgresTestDatabase postgres)
    {
        _postgres = postgres;
    }

    protected TempDirectory Temp { get; } = new();

    /// <summary>Options for a blank database that no other test sees.</summary>
    protected async Task<StorageOptions> NewDatabaseAsync(StorageProvider provider)
    {
        var dataDirectory = Temp.Combine("data-" + Guid.NewGuid().ToString("N"));
        return provider switch
        {
            StorageProvider.Postgres => new StorageOptions
            {
                Provider = StorageProvider.Postgres,
                ConnectionString = await _postgres.CreateSchemaAsync(),
                DataDirectory = dataDirectory,
            },
            _ => new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = dataDirectory },
        };
    }

    /// <summary>Opens storage over <paramref name="options"/> (disposed after the test) without migrating.</summary>
    protected MailsealStorage Open(StorageOptions options)
    {
        var storage = MailsealStorage.Open(options, NullLoggerFactory.Instance);
        _opened.Add(storage);
        return storage;
    }

    /// <summary>A blank, migrated database of <paramref name="provider"/>.</summary>
    protected async Task<MailsealStorage> OpenMigratedAsync(StorageProvider provider)
    {
        var storage = Open(await NewDatabaseAsync(provider));
        await storage.MigrateAsync();
        return storage;
    }

    /// <summary>A plain connection to the same database, to look behind the stores.</summary>
    protected static async Task<DbConnection> OpenRawAsync(StorageOptions options)
    {
        DbConnection connection = options.Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(options.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(options.FullDataDirectory, StorageOptions.SqliteFileName),
                Pooling = false,
            }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        Temp.Dispose();
    }
}
