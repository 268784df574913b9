using Dapper;
using Mailseal.Core.Administration;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>The audit log in admin_audit, appended to by every node.</summary>
internal sealed class SqlAuditLogStore(StorageDatabase database) : IAuditLogStore
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO admin_audit (at, actor, operation, object_kind, object_identity, old_value, new_value)
            VALUES (@At, @Actor, @Operation, @ObjectKind, @ObjectIdentity, @OldValue, @NewValue)
            """,
            new
            {
                At = database.ToDatabaseTime(record.At),
                record.Actor,
                record.Operation,
                record.ObjectKind,
                record.ObjectIdentity,
                record.OldValue,
                record.NewValue,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // The filter is added only when given: PostgreSQL cannot type a parameter that is only ever NULL.
        var sql = "SELECT id AS Id, at AS At, actor AS Actor, operation AS Operation, object_kind AS ObjectKind, " +
                  "object_identity AS ObjectIdentity, old_value AS OldValue, new_value AS NewValue FROM admin_audit" +
                  (since is null ? "" : " WHERE at >= @Since") +
                  " ORDER BY id DESC LIMIT @Limit";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRecordRow>(new CommandDefinition(
            sql, new { Since = database.ToDatabaseTime(since), Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditRecord(r.Id, database.FromDatabaseTime(r.At), r.Actor, r.Operation, r.ObjectKind,
            r.ObjectIdentity, r.OldValue, r.NewValue))];
    }
}
