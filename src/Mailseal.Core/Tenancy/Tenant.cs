namespace Mailseal.Core.Tenancy;

/// <summary>The organisation a Mailseal deployment serves; its id is named in every license.</summary>
public sealed record Tenant(Guid Id, string Name, DateTimeOffset CreatedAt);
