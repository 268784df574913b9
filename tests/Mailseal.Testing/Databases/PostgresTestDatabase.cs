using System.Security.Cryptography;
using Npgsql;

namespace Mailseal.Testing.Databases;

/// <summary>
/// A fresh PostgreSQL database for one test class (use it as an <c>IClassFixture</c>), created on first use
/// with a random name and dropped when xunit disposes the fixture. Creation is lazy so that a class whose
/// SQLite cases need no server still runs them; its PostgreSQL cases fail with
/// <see cref="PostgresTestServer"/>'s message.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    private readonly string _name = "mailseal_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly Lazy<Task<string>> _connectionString;

    public PostgresTestDatabase()
    {
        _connectionString = new Lazy<Task<string>>(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The connection string of this class's database, creating the database on the first call.</summary>
    public Task<string> GetConnectionStringAsync() => _connectionString.Value;

    /// <summary>
    /// A connection string to a new, empty schema of this class's database (the schema is first on the search
    /// path), for tests that each need a blank slate without the cost of a database apiece.
    /// </summary>
    public async Task<string> CreateSchemaAsync()
    {
        var database = await GetConnectionStringAsync();
        var schema = "test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await ExecuteAsync(database, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_connectionString.IsValueCreated && _connectionString.Value.IsCompletedSuccessfully)
        {
            NpgsqlConnection.ClearAllPools();
            // FORCE ends sessions a test left open, so the drop cannot hang or fail on them.
            await ExecuteAsync(PostgresTestServer.ConnectionString, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
    }

    private async Task<string> CreateAsync()
    {
        var server = PostgresTestServer.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE {_name}");
        return new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
