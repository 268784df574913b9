using System.Data.Common;
using Dapper;
using Mailseal.Storage.Migrations;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Migrations;

public sealed class MigrationTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    [Theory, AllProviders]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigrationOnce(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var storage = Open(options);

        await storage.MigrateAsync();

        await using var connection = await OpenRawAsync(options);
        var versions = await VersionsAsync(connection);
        Assert.Equal(Enumerable.Range(1, storage.LatestSchemaVersion), versions);
        Assert.Empty(await storage.Keys.ListAsync());
    }

    [Theory, AllProviders]
    public async Task MigrateAsync_SecondStart_ChangesNothing(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var first = Open(options);
        await first.MigrateAsync();
        await first.Keys.AddAsync(TestKeys.Create("kept", DateTimeOffset.UnixEpoch));
        await using var connection = await OpenRawAsync(options);
        var before = await SchemaVersionRowsAsync(connection);

        await Open(options).MigrateAsync();

        Assert.Equal(before, await SchemaVersionRowsAsync(connection));
        Assert.NotNull(await first.Keys.FindAsync("kept"));
    }

    [Theory, AllProviders]
    public async Task MigrateAsync_ConcurrentStarts_ApplyEachMigrationOnce(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var nodes = Enumerable.Range(0, 4).Select(_ => Open(options)).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.MigrateAsync())));

        await using var connection = await OpenRawAsync(options);
        Assert.Equal(Enumerable.Range(1, nodes[0].LatestSchemaVersion), await VersionsAsync(connection));
    }

    [Theory, AllProviders]
    public async Task MigrateAsync_DatabaseFromNewerBuild_RefusesAndChangesNothing(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var storage = Open(options);
        await storage.MigrateAsync();
        var newer = storage.LatestSchemaVersion + 1;
        await using var connection = await OpenRawAsync(options);
        object appliedAt = provider == StorageProvider.Postgres ? DateTimeOffset.UnixEpoch : 0L;
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (@newer, 'from the future', @appliedAt)",
            new { newer, appliedAt });
        var before = await SchemaVersionRowsAsync(connection);

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => Open(options).MigrateAsync());

        Assert.Contains($"written by a newer Mailseal (schema {newer}, this build knows {newer - 1})",
            refused.Message, StringComparison.Ordinal);
        Assert.Equal(newer, refused.DatabaseVersion);
        Assert.Equal(before, await SchemaVersionRowsAsync(connection));
    }

    [Theory, AllProviders]
    public async Task MigrateAsync_OnlyNewerVersionRecorded_CreatesNoTables(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var storage = Open(options);
        await using (var setup = await OpenRawAsync(options))
        {
            await setup.ExecuteAsync(provider == StorageProvider.Postgres
                ? "CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL); INSERT INTO schema_version VALUES (99, 'future', now())"
                : "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL); INSERT INTO schema_version VALUES (99, 'future', 0)");
        }

        await Assert.ThrowsAsync<SchemaTooNewException>(() => storage.MigrateAsync());

        await using var connection = await OpenRawAsync(options);
        var tables = await connection.QueryAsync<string>(provider == StorageProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Equal(["schema_version"], tables);
    }

    [Fact]
    public void MigrationCatalog_EachProvider_NumberedFromOneWithTheSameVersions()
    {
        var sqlite = MigrationCatalog.For(StorageProvider.Sqlite);
        var postgres = MigrationCatalog.For(StorageProvider.Postgres);

        Assert.NotEmpty(sqlite);
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(script => script.Version));
        Assert.Equal(sqlite.Select(script => (script.Version, script.Description)),
            postgres.Select(script => (script.Version, script.Description)));
        Assert.Equal("initial", sqlite[0].Description);
        Assert.Contains("CREATE TABLE tenant_keys", postgres[0].Sql, StringComparison.Ordinal);
    }

    private static async Task<List<int>> VersionsAsync(DbConnection connection) =>
        (await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();

    private static async Task<List<string>> SchemaVersionRowsAsync(DbConnection connection) =>
        (await connection.QueryAsync<(int Version, string Description, object AppliedAt)>(
            "SELECT version, description, applied_at FROM schema_version ORDER BY version"))
        .Select(row => $"{row.Version}|{row.Description}|{row.AppliedAt}")
        .ToList();
}
