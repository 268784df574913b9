using Dapper;
using Mailseal.Core.Keys;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Tenant keys in the tenant_keys table, on either provider.</summary>
internal sealed class SqlKeyStore : IKeyStore
{
    private const string Columns = """
        id AS Id, purpose AS Purpose, mode AS Mode, key_size_bits AS KeySizeBits, created_at AS CreatedAt,
        retired_at AS RetiredAt, public_key AS PublicKey, protected_secret AS ProtectedSecret, kek_id AS KekId
        """;

    private readonly StorageDatabase _database;

    public SqlKeyStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task<IReadOnlyList<KeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM tenant_keys ORDER BY created_at, id", cancellationToken: cancellationToken));
        return rows.Select(ToRecord).ToList();
    }

    public async Task<KeyRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM tenant_keys WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row is null ? null : ToRecord(row);
    }

    public async Task AddAsync(KeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(key.Id);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO tenant_keys
                (id, purpose, mode, key_size_bits, created_at, retired_at, public_key, protected_secret, kek_id)
            VALUES
                (@Id, @Purpose, @Mode, @KeySizeBits, @CreatedAt, @RetiredAt, @PublicKey, @ProtectedSecret, @KekId)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                key.Id,
                Purpose = (int)key.Purpose,
                Mode = (int)key.Mode,
                key.KeySizeBits,
                CreatedAt = _database.ToDatabaseTime(key.CreatedAt),
                RetiredAt = _database.ToDatabaseTime(key.RetiredAt),
                key.PublicKey,
                key.ProtectedSecret,
                key.KekId,
            },
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new InvalidOperationException($"A key with id '{key.Id}' already exists.");
        }
    }

    /// <remarks>Retiring a retired key keeps the first retirement time.</remarks>
    public async Task<bool> RetireAsync(string id, DateTimeOffset retiredAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenant_keys SET retired_at = COALESCE(retired_at, @RetiredAt) WHERE id = @Id",
            new { Id = id, RetiredAt = _database.ToDatabaseTime(retiredAt) },
            cancellationToken: cancellationToken));
        return updated > 0;
    }

    private KeyRecord ToRecord(KeyRow row) => new(
        row.Id,
        (KeyPurpose)row.Purpose,
        (CryptoMode)row.Mode,
        row.KeySizeBits,
        _database.FromDatabaseTime(row.CreatedAt),
        _database.FromNullableDatabaseTime(row.RetiredAt),
        row.PublicKey,
        row.ProtectedSecret,
        row.KekId);
}
