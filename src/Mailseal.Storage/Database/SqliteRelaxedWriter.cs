using Microsoft.Data.Sqlite;

namespace Mailseal.Storage.Database;

/// <summary>
/// SQLite's commits that do not wait for the disk (<see cref="StorageDatabase.ExecuteWithoutWaitingForDiskAsync"/>):
/// one connection of its own, outside the pool, kept open with <c>synchronous = NORMAL</c> (in WAL mode a commit is
/// written to the log and not synced), each statement prepared once. A write is then one step of a prepared statement,
/// where a pooled connection took a setting switched on and back and the statement prepared anew for every sealed
/// message (docs/performance.md). Statements run one at a time: a connection is not thread-safe, and SQLite has one
/// writer anyway.
/// </summary>
internal sealed class SqliteRelaxedWriter : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private bool _disposed;

    public SqliteRelaxedWriter(string connectionString, int busyTimeoutMilliseconds)
    {
        // Never pooled: a pooled handle would carry the setting to the next store that opens a connection.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _busyTimeoutMilliseconds = busyTimeoutMilliseconds;
    }

    public void Execute(string sql, IReadOnlyList<StatementParameter> parameters)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                var statement = StatementFor(sql, parameters);
                foreach (var parameter in parameters)
                {
                    statement.Parameters["@" + parameter.Name].Value = parameter.Value;
                }

                statement.ExecuteNonQuery();
            }
            catch
            {
                // After a failure the connection's state is not known: the next statement starts on a new one.
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            Close();
        }
    }

    private SqliteCommand StatementFor(string sql, IReadOnlyList<StatementParameter> parameters)
    {
        if (_statements.TryGetValue(sql, out var statement))
        {
            return statement;
        }

        _connection ??= Open();
        statement = _connection.CreateCommand();
        statement.CommandText = sql;
        foreach (var parameter in parameters)
        {
            statement.Parameters.Add(new SqliteParameter("@" + parameter.Name, parameter.Value));
        }

        statement.Prepare();
        _statements.Add(sql, statement);
        return statement;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            // NORMAL is safe from corruption only in WAL mode: it is asked for here too, not assumed.
            setup.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            setup.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Close()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        _connection?.Dispose();
        _connection = null;
    }
}
