namespace Mailseal.Storage.Stores;

/// <summary>An admin_audit row as Dapper reads it; times are converted by the store.</summary>
internal sealed class AuditRecordRow
{
    public long Id { get; init; }

    public object At { get; init; } = 0L;

    public string Actor { get; init; } = "";

    public string Operation { get; init; } = "";

    public string ObjectKind { get; init; } = "";

    public string ObjectIdentity { get; init; } = "";

    public string? OldValue { get; init; }

    public string? NewValue { get; init; }
}
