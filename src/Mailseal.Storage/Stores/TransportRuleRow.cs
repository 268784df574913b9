namespace Mailseal.Storage.Stores;

/// <summary>A transport_rules row as Dapper reads it; times, enums and the definition are converted by the store.</summary>
internal sealed class TransportRuleRow
{
    public string Name { get; init; } = "";

    public int Priority { get; init; }

    public string State { get; init; } = "";

    public string Mode { get; init; } = "";

    public object? ActivationDate { get; init; }

    public object? ExpiryDate { get; init; }

    public string? Comments { get; init; }

    public int StopRuleProcessing { get; init; }

    public string Definition { get; init; } = "";
}
