using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Mailseal.Storage.Database;

/// <summary>
/// SQLite: one file, a connection per operation (Microsoft.Data.Sqlite pools them; commits that do not wait for the
/// disk have one of their own, <see cref="SqliteRelaxedWriter"/>), WAL so readers never wait for the writer, foreign
/// keys on, and a busy timeout so that writers queue instead of failing.
/// Times are unix milliseconds (INTEGER), ids text.
/// </summary>
internal sealed class SqliteStorageDatabase : StorageDatabase
{
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string _connectionString;
    private readonly SqliteRelaxedWriter _relaxed;
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
        _relaxed = new SqliteRelaxedWriter(_connectionString, BusyTimeoutMilliseconds);
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

    public override Task ExecuteWithoutWaitingForDiskAsync(
        string sql, IReadOnlyList<StatementParameter> parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _relaxed.Execute(sql, parameters);
        return Task.CompletedTask;
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
        _relaxed.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
