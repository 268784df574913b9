using Dapper;
using Mailseal.Core.Portal;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Fixed-window counters in portal_rate_counters; the increment happens in the database, so nodes add up.</summary>
internal sealed class SqlRateCounterStore : IRateCounterStore
{
    private readonly StorageDatabase _database;

    public SqlRateCounterStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task<long> IncrementAsync(
        string key, DateTimeOffset windowStart, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO portal_rate_counters (counter_key, window_start, hits, expires_at) VALUES (@Key, @WindowStart, 1, @ExpiresAt)
            ON CONFLICT (counter_key, window_start) DO UPDATE SET hits = portal_rate_counters.hits + 1
            RETURNING hits
            """,
            new { Key = key, WindowStart = _database.ToDatabaseTime(windowStart), ExpiresAt = _database.ToDatabaseTime(expiresAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM portal_rate_counters WHERE expires_at <= @Now",
            new { Now = _database.ToDatabaseTime(now) },
            cancellationToken: cancellationToken));
    }
}
