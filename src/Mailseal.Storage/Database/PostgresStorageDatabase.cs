using System.Data.Common;
using Dapper;
using Npgsql;

namespace Mailseal.Storage.Database;

/// <summary>
/// PostgreSQL through one <see cref="NpgsqlDataSource"/> (its pool). Times are timestamptz, ids uuid.
/// Migrators exclude each other with a transaction-scoped advisory lock.
/// </summary>
internal sealed class PostgresStorageDatabase : StorageDatabase
{
    /// <summary>"Mailseal" in ASCII: the advisory lock every migrator of this database takes.</summary>
    private const long MigrationLockKey = 0x4D61_696C_7365_616C;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresStorageDatabase(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override string SchemaVersionTableSql => """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     integer     PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL
        );
        """;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginExclusiveTransactionAsync(
        DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <remarks>
    /// An asynchronous commit (synchronous_commit off, for this transaction only): PostgreSQL's WAL writer flushes it
    /// within a few hundred milliseconds; a crash of the server before that loses it, never corrupts anything.
    /// </remarks>
    public override async Task ExecuteWithoutWaitingForDiskAsync(
        string sql, IReadOnlyList<StatementParameter> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new DynamicParameters();
        foreach (var parameter in parameters)
        {
            values.Add(parameter.Name, parameter.Value);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        // Npgsql sends BEGIN with the first command, and the setting travels with the statement: two round trips in all.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SET LOCAL synchronous_commit = off;\n" + sql, values, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public override object ToDatabaseTime(DateTimeOffset time) => TruncateToMilliseconds(time);

    public override DateTimeOffset FromDatabaseTime(object value) => value switch
    {
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset time => time.ToUniversalTime(),
        _ => throw new InvalidDataException($"A stored time has the unexpected type {value.GetType().Name}."),
    };

    public override object ToDatabaseGuid(Guid id) => id;

    public override Guid FromDatabaseGuid(object value) => value is Guid id
        ? id
        : throw new InvalidDataException($"A stored id has the unexpected type {value.GetType().Name}.");

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
