using Dapper;
using Mailseal.Storage.Database;
using Mailseal.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailseal.Storage.Tests.Database;

public sealed class SqliteStorageDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenConnectionAsync_AnyConnection_HasWalForeignKeysAndBusyTimeout()
    {
        await using var database = new SqliteStorageDatabase($"Data Source={_temp.Combine("pragmas.db")}");
        await using (await database.OpenConnectionAsync(CancellationToken.None))
        {
            // The first connection switches the file to WAL; the second shows what every later one gets.
        }

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(30_000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Open_EmbeddedDefault_CreatesOwnerOnlyDataFolderWithMailsealDb()
    {
        var options = new StorageOptions { DataDirectory = _temp.Combine("fresh", "data") };

        await using (var storage = MailsealStorage.Open(options, NullLoggerFactory.Instance))
        {
            await storage.MigrateAsync();
        }

        Assert.True(File.Exists(Path.Combine(options.FullDataDirectory, StorageOptions.SqliteFileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(options.FullDataDirectory));
    }
}
