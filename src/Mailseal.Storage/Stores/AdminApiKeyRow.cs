namespace Mailseal.Storage.Stores;

/// <summary>An admin_api_keys row as Dapper reads it; times are converted by the store.</summary>
internal sealed class AdminApiKeyRow
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public byte[] KeyHash { get; init; } = [];

    public object CreatedAt { get; init; } = 0L;

    public object? LastUsedAt { get; init; }

    public object? RevokedAt { get; init; }
}
