using Dapper;
using Mailseal.Core.Tracking;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Keyed hashes of sealed and unsealed Message-IDs in the thread_marks table.</summary>
internal sealed class SqlThreadStore : IThreadStore
{
    private readonly StorageDatabase _database;

    public SqlThreadStore(StorageDatabase database)
    {
        _database = database;
    }

    /// <remarks>
    /// Remembering a hash again keeps the later expiry. Committed without waiting for the disk: a mark must survive the
    /// gateway's crash (it does), but an fsync per sealed message cost more CPU than sealing it; a crash of the whole
    /// machine may lose the last moment's marks (docs/gateway.md, "Tracking").
    /// </remarks>
    public async Task RememberAsync(ReadOnlyMemory<byte> messageIdHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await _database.ExecuteWithoutWaitingForDiskAsync(
            """
            INSERT INTO thread_marks (message_id_hash, expires_at) VALUES (@Hash, @ExpiresAt)
            ON CONFLICT (message_id_hash) DO UPDATE SET expires_at =
                CASE WHEN excluded.expires_at > thread_marks.expires_at THEN excluded.expires_at ELSE thread_marks.expires_at END
            """,
            [new StatementParameter("Hash", messageIdHash.ToArray()), new StatementParameter("ExpiresAt", _database.ToDatabaseTime(expiresAt))],
            cancellationToken);
    }

    public async Task<bool> AnyKnownAsync(
        IReadOnlyCollection<ReadOnlyMemory<byte>> messageIdHashes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIdHashes);
        if (messageIdHashes.Count == 0)
        {
            return false;
        }

        // One named parameter per hash: Dapper would pass a list to Npgsql as an array, which IN cannot take.
        var parameters = new DynamicParameters(new { Now = _database.ToDatabaseTime(now) });
        var names = messageIdHashes.Select((hash, index) =>
        {
            parameters.Add($"Hash{index}", hash.ToArray());
            return $"@Hash{index}";
        }).ToList();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var found = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            $"SELECT 1 FROM thread_marks WHERE message_id_hash IN ({string.Join(", ", names)}) AND expires_at > @Now LIMIT 1",
            parameters,
            cancellationToken: cancellationToken));
        return found is not null;
    }

    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM thread_marks WHERE expires_at <= @Now",
            new { Now = _database.ToDatabaseTime(now) },
            cancellationToken: cancellationToken));
    }
}
