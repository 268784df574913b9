namespace Mailseal.Admin.Page;

/// <summary>A signed-in browser: the admin API key it signed in with (by id, never the secret) and its times.</summary>
internal sealed record AdminPageSession(string KeyId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);
