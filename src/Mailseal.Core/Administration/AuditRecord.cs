namespace Mailseal.Core.Administration;

/// <summary>
/// One change in the audit log. <see cref="OldValue"/> and <see cref="NewValue"/> are JSON without secrets:
/// no private key, API key or its hash; images appear as their SHA-256 and size.
/// </summary>
/// <param name="Id">Increasing; 0 before the store assigns it.</param>
/// <param name="At">When the change was made (UTC).</param>
/// <param name="Actor">Who made it (<see cref="AdminActor"/>).</param>
/// <param name="Operation">What was done, with the Exchange verb: New, Set, Remove, Enable, Disable, Retire, Revoke, Import.</param>
/// <param name="ObjectKind">OMEConfiguration, TransportRule, AcceptedDomain, User, DkimKey, TenantKey, AdminApiKey, ConfigurationDocument.</param>
/// <param name="ObjectIdentity">The object's name, address or id.</param>
/// <param name="OldValue">The object before the change as JSON; null for New.</param>
/// <param name="NewValue">The object after the change as JSON; null for Remove.</param>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Operation,
    string ObjectKind,
    string ObjectIdentity,
    string? OldValue,
    string? NewValue);
