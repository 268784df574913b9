using Dapper;
using Mailseal.Core.Tenancy;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>
/// The one tenant, in a table whose primary key can only be 1: concurrent first starts race on the insert,
/// one wins, and every caller reads the winner.
/// </summary>
internal sealed class SqlTenantStore : ITenantStore
{
    private const string SelectTenant = "SELECT id AS Id, name AS Name, created_at AS CreatedAt FROM tenants WHERE slot = 1";

    private readonly StorageDatabase _database;

    public SqlTenantStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task<Tenant?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TenantRow>(
            new CommandDefinition(SelectTenant, cancellationToken: cancellationToken));
        return row is null ? null : ToTenant(row);
    }

    public async Task<Tenant> GetOrCreateAsync(Tenant candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentException.ThrowIfNullOrWhiteSpace(candidate.Name);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO tenants (slot, id, name, created_at) VALUES (1, @Id, @Name, @CreatedAt)
            ON CONFLICT (slot) DO NOTHING
            """,
            new
            {
                Id = _database.ToDatabaseGuid(candidate.Id),
                candidate.Name,
                CreatedAt = _database.ToDatabaseTime(candidate.CreatedAt),
            },
            cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<TenantRow>(
            new CommandDefinition(SelectTenant, cancellationToken: cancellationToken));
        return ToTenant(row);
    }

    private Tenant ToTenant(TenantRow row) =>
        new(_database.FromDatabaseGuid(row.Id), row.Name, _database.FromDatabaseTime(row.CreatedAt));
}
