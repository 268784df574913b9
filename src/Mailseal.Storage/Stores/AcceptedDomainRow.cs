namespace Mailseal.Storage.Stores;

/// <summary>An accepted_domains row as Dapper reads it.</summary>
internal sealed class AcceptedDomainRow
{
    public string Name { get; init; } = "";

    public string Type { get; init; } = "";
}
