using System.Text.Json.Serialization;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>A recipient still queued, with Postfix's reason for the delay (the last reply it got).</summary>
internal sealed record QueuedRecipient(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("delay_reason")] string? DelayReason);
