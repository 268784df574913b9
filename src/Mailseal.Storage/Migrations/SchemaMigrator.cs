using System.Data.Common;
using System.Globalization;
using Dapper;
using Mailseal.Storage.Database;
using Microsoft.Extensions.Logging;

namespace Mailseal.Storage.Migrations;

/// <summary>
/// Brings the database to the newest schema this build knows, one migration per transaction, each under
/// an exclusive lock (advisory lock on PostgreSQL, BEGIN IMMEDIATE on SQLite), so that nodes starting
/// together apply each migration once. A database from a newer build is refused untouched.
/// </summary>
internal sealed partial class SchemaMigrator
{
    private readonly StorageDatabase _database;
    private readonly IReadOnlyList<MigrationScript> _scripts;
    private readonly ILogger _logger;

    public SchemaMigrator(StorageDatabase database, IReadOnlyList<MigrationScript> scripts, ILogger logger)
    {
        _database = database;
        _scripts = scripts;
        _logger = logger;
    }

    /// <summary>The newest schema version this build knows.</summary>
    public int LatestVersion => _scripts.Count;

    /// <summary>Applies the missing migrations; returns how many this call applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        while (await ApplyNextAsync(cancellationToken))
        {
            applied++;
        }

        LogSchemaCurrent(_logger, _database.Provider, LatestVersion, applied);
        return applied;
    }

    private async Task<bool> ApplyNextAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await _database.BeginExclusiveTransactionAsync(connection, cancellationToken);
        await connection.ExecuteAsync(_database.SchemaVersionTableSql, transaction: transaction);

        var current = await ReadVersionAsync(connection, transaction);
        if (current > LatestVersion)
        {
            // Disposing the transaction rolls back; nothing has been written.
            throw new SchemaTooNewException(current, LatestVersion);
        }

        if (current == LatestVersion)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var script = _scripts[current];
        await connection.ExecuteAsync(script.Sql, transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)",
            new { script.Version, script.Description, AppliedAt = _database.ToDatabaseTime(DateTimeOffset.UtcNow) },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        LogMigrationApplied(_logger, _database.Provider, script.Version, script.Description);
        return true;
    }

    private static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction transaction)
    {
        var value = await connection.ExecuteScalarAsync<object?>(
            "SELECT MAX(version) FROM schema_version", transaction: transaction);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Provider} schema migration {Version} ({Description})")]
    private static partial void LogMigrationApplied(ILogger logger, StorageProvider provider, int version, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} schema is at version {Version} ({Applied} migrations applied now)")]
    private static partial void LogSchemaCurrent(ILogger logger, StorageProvider provider, int version, int applied);
}
