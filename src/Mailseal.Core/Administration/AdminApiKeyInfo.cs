namespace Mailseal.Core.Administration;

/// <summary>An admin API key as results show it: no secret, no hash.</summary>
public sealed record AdminApiKeyInfo(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    internal static AdminApiKeyInfo From(AdminApiKey key) => new(key.Id, key.Name, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}
