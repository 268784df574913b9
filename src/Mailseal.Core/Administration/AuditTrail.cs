using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mailseal.Core.Administration;

/// <summary>
/// Writes audit records. Callers pass values that hold no secret (the admin service's result records);
/// values are stored as JSON.
/// </summary>
public sealed class AuditTrail(IAuditLogStore store, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task RecordAsync(AdminActor actor, string operation, string objectKind, string identity,
        object? oldValue, object? newValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.AppendAsync(new AuditRecord(0, time.GetUtcNow(), actor.Name, operation, objectKind, identity,
            ToJson(oldValue), ToJson(newValue)), cancellationToken);
    }

    /// <summary>The newest records first.</summary>
    public Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, DateTimeOffset? since, CancellationToken cancellationToken = default) =>
        store.ListAsync(limit, since, cancellationToken);

    private static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);
}
