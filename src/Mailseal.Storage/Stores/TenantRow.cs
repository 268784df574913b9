namespace Mailseal.Storage.Stores;

/// <summary>A tenants row as Dapper reads it; the store converts id and time per provider.</summary>
internal sealed class TenantRow
{
    public object Id { get; init; } = "";

    public string Name { get; init; } = "";

    public object CreatedAt { get; init; } = 0L;
}
