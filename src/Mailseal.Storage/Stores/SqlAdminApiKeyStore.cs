using Dapper;
using Mailseal.Core.Administration;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Admin API keys in admin_api_keys: hashes only.</summary>
internal sealed class SqlAdminApiKeyStore(StorageDatabase database) : IAdminApiKeyStore
{
    private const string Columns =
        "id AS Id, name AS Name, key_hash AS KeyHash, created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt";

    public async Task AddAsync(AdminApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO admin_api_keys (id, name, key_hash, created_at, last_used_at, revoked_at)
            VALUES (@Id, @Name, @KeyHash, @CreatedAt, @LastUsedAt, @RevokedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                key.Id,
                key.Name,
                key.KeyHash,
                CreatedAt = database.ToDatabaseTime(key.CreatedAt),
                LastUsedAt = database.ToDatabaseTime(key.LastUsedAt),
                RevokedAt = database.ToDatabaseTime(key.RevokedAt),
            },
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new InvalidOperationException($"An admin API key with id {key.Id} exists already.");
        }
    }

    public async Task<IReadOnlyList<AdminApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AdminApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM admin_api_keys ORDER BY created_at, id", cancellationToken: cancellationToken));
        return [.. rows.Select(ToKey)];
    }

    public async Task<AdminApiKey?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AdminApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM admin_api_keys WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row is null ? null : ToKey(row);
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE admin_api_keys SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, At = database.ToDatabaseTime(revokedAt) }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task MarkUsedAsync(string id, DateTimeOffset usedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE admin_api_keys SET last_used_at = @At WHERE id = @Id",
            new { Id = id, At = database.ToDatabaseTime(usedAt) }, cancellationToken: cancellationToken));
    }

    private AdminApiKey ToKey(AdminApiKeyRow row) => new(
        row.Id, row.Name, row.KeyHash, database.FromDatabaseTime(row.CreatedAt),
        database.FromNullableDatabaseTime(row.LastUsedAt), database.FromNullableDatabaseTime(row.RevokedAt));
}
