using Dapper;
using Mailseal.Core.Branding;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Branding templates in the ome_configurations table, looked up by their normalised identity.</summary>
internal sealed class SqlOmeConfigurationStore : IOmeConfigurationStore
{
    private const string Columns = """
        identity AS Identity, email_text AS EmailText, disclaimer_text AS DisclaimerText,
        portal_text AS PortalText, image AS Image
        """;

    private readonly StorageDatabase _database;

    public SqlOmeConfigurationStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task<IReadOnlyList<OmeConfiguration>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OmeConfigurationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM ome_configurations ORDER BY identity_key", cancellationToken: cancellationToken));
        return rows.Select(ToConfiguration).ToList();
    }

    public async Task<OmeConfiguration?> FindAsync(string identity, CancellationToken cancellationToken = default)
    {
        var key = OmeIdentityKey.From(identity);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OmeConfigurationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM ome_configurations WHERE identity_key = @Key",
            new { Key = key },
            cancellationToken: cancellationToken));
        return row is null ? null : ToConfiguration(row);
    }

    /// <remarks>A replaced template takes the spelling of the identity it was replaced with.</remarks>
    public async Task UpsertAsync(OmeConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = OmeIdentityKey.From(configuration.Identity);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ome_configurations (identity_key, identity, email_text, disclaimer_text, portal_text, image)
            VALUES (@Key, @Identity, @EmailText, @DisclaimerText, @PortalText, @Image)
            ON CONFLICT (identity_key) DO UPDATE SET
                identity = excluded.identity,
                email_text = excluded.email_text,
                disclaimer_text = excluded.disclaimer_text,
                portal_text = excluded.portal_text,
                image = excluded.image
            """,
            new
            {
                Key = key,
                configuration.Identity,
                configuration.EmailText,
                configuration.DisclaimerText,
                configuration.PortalText,
                configuration.Image,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> RemoveAsync(string identity, CancellationToken cancellationToken = default)
    {
        var key = OmeIdentityKey.From(identity);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM ome_configurations WHERE identity_key = @Key", new { Key = key },
            cancellationToken: cancellationToken));
        return removed > 0;
    }

    private static OmeConfiguration ToConfiguration(OmeConfigurationRow row) =>
        new(row.Identity, row.EmailText, row.DisclaimerText, row.PortalText, row.Image);
}
