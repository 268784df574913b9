namespace Mailseal.Storage.Stores;

/// <summary>An ome_configurations row as Dapper reads it.</summary>
internal sealed class OmeConfigurationRow
{
    public string Identity { get; init; } = "";

    public string? EmailText { get; init; }

    public string? DisclaimerText { get; init; }

    public string? PortalText { get; init; }

    public byte[]? Image { get; init; }
}
