using Dapper;
using Mailseal.Core.Portal;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>The portal's data-protection key ring in portal_data_protection_keys.</summary>
internal sealed class SqlDataProtectionKeyStore : IDataProtectionKeyStore
{
    private readonly StorageDatabase _database;

    public SqlDataProtectionKeyStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT xml FROM portal_data_protection_keys ORDER BY name", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task AddAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO portal_data_protection_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO NOTHING",
            new { Name = name, Xml = xml },
            cancellationToken: cancellationToken));
    }
}
