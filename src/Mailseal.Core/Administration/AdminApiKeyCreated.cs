namespace Mailseal.Core.Administration;

/// <summary>A new admin API key and its secret, which is shown this once and never stored.</summary>
public sealed record AdminApiKeyCreated(AdminApiKeyInfo Key, string Secret);
