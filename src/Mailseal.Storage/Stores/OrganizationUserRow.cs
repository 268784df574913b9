namespace Mailseal.Storage.Stores;

/// <summary>An organization_users row as Dapper reads it.</summary>
internal sealed class OrganizationUserRow
{
    public string Address { get; init; } = "";

    public string? DisplayName { get; init; }

    public string? Language { get; init; }

    public int MaySendEncrypted { get; init; }
}
