using Dapper;
using Mailseal.Storage.Database;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Database;

/// <summary>
/// A commit that does not wait for the disk is still a commit, and its setting never reaches the next user of the
/// pooled connection: every other store's commit must keep waiting for the disk.
/// </summary>
public sealed class WithoutWaitingForDiskTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task Execute_Statement_IsCommittedAndTheConnectionWaitsForTheDiskAgain(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        await using var database = Create(options);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE marks (value INTEGER NOT NULL)");

        await database.ExecuteWithoutWaitingForDiskAsync(connection, new CommandDefinition("INSERT INTO marks (value) VALUES (7)"));

        await using (var raw = await OpenRawAsync(options))
        {
            Assert.Equal(7, await raw.ExecuteScalarAsync<int>("SELECT value FROM marks"));
        }

        Assert.Equal(WaitsForDisk(provider), await DurabilitySettingAsync(connection, provider));
    }

    [Theory, AllProviders]
    public async Task Execute_FailingStatement_ThrowsAndTheConnectionWaitsForTheDiskAgain(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        await using var database = Create(options);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            database.ExecuteWithoutWaitingForDiskAsync(connection, new CommandDefinition("INSERT INTO no_such_table VALUES (1)")));

        Assert.Equal(WaitsForDisk(provider), await DurabilitySettingAsync(connection, provider));
    }

    private static StorageDatabase Create(StorageOptions options) => options.Provider == StorageProvider.Postgres
        ? new PostgresStorageDatabase(options.ConnectionString!)
        : new SqliteStorageDatabase($"Data Source={Path.Combine(EnsureFolder(options), StorageOptions.SqliteFileName)}");

    private static string EnsureFolder(StorageOptions options) => Directory.CreateDirectory(options.FullDataDirectory).FullName;

    // SQLite: synchronous FULL is 2. PostgreSQL: synchronous_commit on.
    private static string WaitsForDisk(StorageProvider provider) => provider == StorageProvider.Postgres ? "on" : "2";

    private static Task<string?> DurabilitySettingAsync(System.Data.Common.DbConnection connection, StorageProvider provider) =>
        connection.ExecuteScalarAsync<string>(provider == StorageProvider.Postgres ? "SHOW synchronous_commit" : "PRAGMA synchronous");
}
