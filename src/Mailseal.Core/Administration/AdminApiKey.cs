namespace Mailseal.Core.Administration;

/// <summary>An admin API key as the store holds it: the SHA-256 of its secret, never the secret.</summary>
public sealed record AdminApiKey(
    string Id,
    string Name,
    byte[] KeyHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
