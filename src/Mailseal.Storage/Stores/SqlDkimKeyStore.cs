using Dapper;
using Mailseal.Core.Dkim;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>DKIM keys in the dkim_keys table, on either provider. Domains are stored in lower case.</summary>
internal sealed class SqlDkimKeyStore : IDkimKeyStore
{
    private const string Columns = """
        domain AS Domain, selector AS Selector, created_at AS CreatedAt, key_size_bits AS KeySizeBits,
        public_key AS PublicKey, protected_private_key AS ProtectedPrivateKey, kek_id AS KekId
        """;

    private readonly StorageDatabase _database;

    public SqlDkimKeyStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task<IReadOnlyList<DkimKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DkimKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM dkim_keys ORDER BY domain, created_at, selector", cancellationToken: cancellationToken));
        return rows.Select(ToKey).ToList();
    }

    public async Task<DkimKey?> FindNewestAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<DkimKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM dkim_keys WHERE domain = @Domain ORDER BY created_at DESC, selector DESC LIMIT 1",
            new { Domain = Normalize(domain) }, cancellationToken: cancellationToken));
        return row is null ? null : ToKey(row);
    }

    public async Task AddAsync(DkimKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(key.Domain);
        ArgumentException.ThrowIfNullOrEmpty(key.Selector);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dkim_keys
                (domain, selector, created_at, key_size_bits, public_key, protected_private_key, kek_id)
            VALUES
                (@Domain, @Selector, @CreatedAt, @KeySizeBits, @PublicKey, @ProtectedPrivateKey, @KekId)
            ON CONFLICT (domain, selector) DO NOTHING
            """,
            new
            {
                Domain = Normalize(key.Domain),
                key.Selector,
                CreatedAt = _database.ToDatabaseTime(key.CreatedAt),
                key.KeySizeBits,
                key.PublicKey,
                key.ProtectedPrivateKey,
                key.KekId,
            },
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            throw new InvalidOperationException($"The domain '{key.Domain}' already has a DKIM key with selector '{key.Selector}'.");
        }
    }

    // Domain names compare case-insensitively (RFC 4343); a trailing dot names the same domain.
    private static string Normalize(string domain) => domain.TrimEnd('.').ToLowerInvariant();

    private DkimKey ToKey(DkimKeyRow row) => new(
        row.Domain,
        row.Selector,
        _database.FromDatabaseTime(row.CreatedAt),
        row.KeySizeBits,
        row.PublicKey,
        row.ProtectedPrivateKey,
        row.KekId);
}
