using Dapper;
using Mailseal.Core.Organization;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Accepted domains and users in accepted_domains and organization_users, looked up by normalised keys.</summary>
internal sealed class SqlOrganizationStore(StorageDatabase database) : IOrganizationStore
{
    private const string UserColumns =
        "address AS Address, display_name AS DisplayName, language AS Language, may_send_encrypted AS MaySendEncrypted";

    public async Task<IReadOnlyList<AcceptedDomain>> ListAcceptedDomainsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AcceptedDomainRow>(new CommandDefinition(
            "SELECT name AS Name, type AS Type FROM accepted_domains ORDER BY name_key", cancellationToken: cancellationToken));
        return rows.Select(r => new AcceptedDomain { DomainName = r.Name, Type = Enum.Parse<AcceptedDomainType>(r.Type) }).ToList();
    }

    public async Task UpsertAcceptedDomainAsync(AcceptedDomain domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO accepted_domains (name_key, name, type) VALUES (@Key, @Name, @Type)
            ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, type = excluded.type
            """,
            new { Key = OmeIdentityKey.From(domain.DomainName), Name = domain.DomainName, Type = domain.Type.ToString() },
            cancellationToken: cancellationToken));
    }

    public Task<bool> RemoveAcceptedDomainAsync(string domainName, CancellationToken cancellationToken = default) =>
        DeleteAsync("DELETE FROM accepted_domains WHERE name_key = @Key", domainName, cancellationToken);

    public async Task<IReadOnlyList<OrganizationUser>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrganizationUserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM organization_users ORDER BY address_key", cancellationToken: cancellationToken));
        return rows.Select(ToUser).ToList();
    }

    public async Task<OrganizationUser?> FindUserAsync(string address, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OrganizationUserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM organization_users WHERE address_key = @Key",
            new { Key = OmeIdentityKey.From(address) }, cancellationToken: cancellationToken));
        return row is null ? null : ToUser(row);
    }

    public async Task UpsertUserAsync(OrganizationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO organization_users (address_key, address, display_name, language, may_send_encrypted)
            VALUES (@Key, @Address, @DisplayName, @Language, @MaySendEncrypted)
            ON CONFLICT (address_key) DO UPDATE SET
                address = excluded.address,
                display_name = excluded.display_name,
                language = excluded.language,
                may_send_encrypted = excluded.may_send_encrypted
            """,
            new
            {
                Key = OmeIdentityKey.From(user.Address),
                user.Address,
                user.DisplayName,
                user.Language,
                MaySendEncrypted = user.MaySendEncrypted ? 1 : 0,
            },
            cancellationToken: cancellationToken));
    }

    public Task<bool> RemoveUserAsync(string address, CancellationToken cancellationToken = default) =>
        DeleteAsync("DELETE FROM organization_users WHERE address_key = @Key", address, cancellationToken);

    private async Task<bool> DeleteAsync(string sql, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(sql, new { Key = OmeIdentityKey.From(name) },
            cancellationToken: cancellationToken));
        return removed > 0;
    }

    private static OrganizationUser ToUser(OrganizationUserRow row) => new()
    {
        Address = row.Address,
        DisplayName = row.DisplayName,
        Language = row.Language,
        MaySendEncrypted = row.MaySendEncrypted != 0,
    };
}
