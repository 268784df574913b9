using Dapper;
using Mailseal.Storage.Database;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Database;

/// <summary>
/// A commit that does not wait for the disk is still a commit, and its setting never reaches a connection that the
/// database hands out: every other store's commit must keep waiting for the disk.
/// </summary>
public sealed class WithoutWaitingForDiskTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private const string Insert = "INSERT INTO marks (value) VALUES (@Value)";

    [Theory, AllProviders]
    public async Task Execute_Statement_IsCommittedAndOpenedConnectionsStillWaitForTheDisk(StorageProvider provider)
    {
        var (options, database) = await CreateWithTableAsync(provider);
        await using (database)
        {
            await database.ExecuteWithoutWaitingForDiskAsync(Insert, [new StatementParameter("Value", 7)], CancellationToken.None);

            Assert.Equal([7], await ValuesAsync(options));
            Assert.All(await DurabilitySettingsOfOpenedConnectionsAsync(database, provider), setting => Assert.Equal(WaitsForDisk(provider), setting));
        }
    }

    [Theory, AllProviders]
    public async Task Execute_FailingStatement_ThrowsLeavesNoSettingBehindAndTheNextStatementIsWritten(StorageProvider provider)
    {
        var (options, database) = await CreateWithTableAsync(provider);
        await using (database)
        {
            await database.ExecuteWithoutWaitingForDiskAsync(Insert, [new StatementParameter("Value", 8)], CancellationToken.None);

            await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteWithoutWaitingForDiskAsync(
                "INSERT INTO no_such_table VALUES (@Value)", [new StatementParameter("Value", 1)], CancellationToken.None));

            Assert.All(await DurabilitySettingsOfOpenedConnectionsAsync(database, provider), setting => Assert.Equal(WaitsForDisk(provider), setting));
            await database.ExecuteWithoutWaitingForDiskAsync(Insert, [new StatementParameter("Value", 9)], CancellationToken.None);
            Assert.Equal([8, 9], await ValuesAsync(options));
        }
    }

    [Theory, AllProviders]
    public async Task Execute_OneStatementFromManyThreadsAtOnce_EveryRowWritten(StorageProvider provider)
    {
        var (options, database) = await CreateWithTableAsync(provider);
        await using (database)
        {
            await Task.WhenAll(Enumerable.Range(1, 40).Select(value => Task.Run(() =>
                database.ExecuteWithoutWaitingForDiskAsync(Insert, [new StatementParameter("Value", value)], CancellationToken.None))));

            Assert.Equal(Enumerable.Range(1, 40), await ValuesAsync(options));
        }
    }

    private async Task<(StorageOptions Options, StorageDatabase Database)> CreateWithTableAsync(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var database = Create(options);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE marks (value INTEGER NOT NULL)");
        return (options, database);
    }

    private static async Task<List<int>> ValuesAsync(StorageOptions options)
    {
        await using var raw = await OpenRawAsync(options);
        return [.. await raw.QueryAsync<int>("SELECT value FROM marks ORDER BY value")];
    }

    private static StorageDatabase Create(StorageOptions options) => options.Provider == StorageProvider.Postgres
        ? new PostgresStorageDatabase(options.ConnectionString!)
        : new SqliteStorageDatabase($"Data Source={Path.Combine(EnsureFolder(options), StorageOptions.SqliteFileName)}");

    private static string EnsureFolder(StorageOptions options) => Directory.CreateDirectory(options.FullDataDirectory).FullName;

    // SQLite: synchronous FULL is 2. PostgreSQL: synchronous_commit on.
    private static string WaitsForDisk(StorageProvider provider) => provider == StorageProvider.Postgres ? "on" : "2";

    /// <summary>The setting of several connections open at once: a handle the writer gave back to the pool would be among them.</summary>
    private static async Task<List<string?>> DurabilitySettingsOfOpenedConnectionsAsync(StorageDatabase database, StorageProvider provider)
    {
        var connections = new List<System.Data.Common.DbConnection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                connections.Add(await database.OpenConnectionAsync(CancellationToken.None));
            }

            var settings = new List<string?>();
            foreach (var connection in connections)
            {
                settings.Add(await DurabilitySettingAsync(connection, provider));
            }

            return settings;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static Task<string?> DurabilitySettingAsync(System.Data.Common.DbConnection connection, StorageProvider provider) =>
        connection.ExecuteScalarAsync<string>(provider == StorageProvider.Postgres ? "SHOW synchronous_commit" : "PRAGMA synchronous");
}
