namespace Mailseal.Storage.Stores;

/// <summary>A traffic_counts row as Dapper reads it.</summary>
internal sealed class TrafficCountRow
{
    public int Day { get; init; }

    public string RuleName { get; init; } = "";

    public int Direction { get; init; }

    public int Action { get; init; }

    public long Messages { get; init; }
}
