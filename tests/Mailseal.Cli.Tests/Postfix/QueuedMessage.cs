using System.Text.Json.Serialization;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>One message in Postfix's queue, as `postqueue -j` reports it.</summary>
internal sealed record QueuedMessage(
    [property: JsonPropertyName("queue_name")] string QueueName,
    [property: JsonPropertyName("queue_id")] string QueueId,
    [property: JsonPropertyName("recipients")] IReadOnlyList<QueuedRecipient> Recipients);
