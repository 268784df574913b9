namespace Mailseal.Core.Administration;

/// <summary>The audit log of administrative changes: append-only, shared by every node.</summary>
public interface IAuditLogStore
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>The newest records first, at most <paramref name="limit"/>, optionally only from <paramref name="since"/> on.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, DateTimeOffset? since = null, CancellationToken cancellationToken = default);
}
