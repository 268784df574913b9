using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Mailseal.Storage.Database;

/// <summary>
/// SQLite: one file, a connection per operation (Microsoft.Data.Sqlite pools them), WAL so readers never
/// wait for the writer, foreign keys on, and a busy timeout so that writers queue instead of failing.
/// Times are unix milliseconds (INTEGER), ids text.
/// </summary>
internal sealed class SqliteStorageDatabase : StorageDatabase
{
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string _connectionString;
    private int _journalModeSet;

    public SqliteStorageDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        };
        _connectionString = builder.ToString();
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string SchemaVersionTableSql => """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL
        );
        """;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Interlocked.Exchange(ref _journalModeSet, 1) == 0
                ? $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL;"
                : $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<DbTransaction> BeginExclusiveTransactionAsync(
        DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Not deferred: BEGIN IMMEDIATE takes the write lock at once, so two migrators queue here.
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    /// <remarks>
    /// In WAL mode, synchronous NORMAL writes the commit to the log without an fsync; the log is synced at the next
    /// FULL commit or checkpoint. The setting belongs to the connection, which goes back to the pool: it is set back in
    /// the same command, and again when the statement fails.
    /// </remarks>
    public override async Task ExecuteWithoutWaitingForDiskAsync(DbConnection connection, CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA synchronous = NORMAL;\n{command.CommandText};\nPRAGMA synchronous = FULL;", command.Parameters, command.Transaction,
                command.CommandTimeout, command.CommandType, command.Flags, command.CancellationToken));
        }
        catch
        {
            await connection.ExecuteAsync("PRAGMA synchronous = FULL");
            throw;
        }
    }

    public override object ToDatabaseTime(DateTimeOffset time) => TruncateToMilliseconds(time).ToUnixTimeMilliseconds();

    public override DateTimeOffset FromDatabaseTime(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));

    public override object ToDatabaseGuid(Guid id) => id.ToString("D");

    public override Guid FromDatabaseGuid(object value) => value switch
    {
        Guid id => id,
        string text => Guid.Parse(text, CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"A stored id has the unexpected type {value.GetType().Name}."),
    };

    public override ValueTask DisposeAsync()
    {
        // Lets the file go (tests delete it; an operator may copy it).
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
