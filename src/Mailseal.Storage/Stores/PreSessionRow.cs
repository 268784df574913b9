namespace Mailseal.Storage.Stores;

/// <summary>A portal_presessions row as Dapper reads it; times are converted by the store.</summary>
internal sealed class PreSessionRow
{
    public byte[] IdHash { get; init; } = [];

    public byte[] EnvelopeHash { get; init; } = [];

    public string EnvelopeId { get; init; } = "";

    public string BrandingTemplate { get; init; } = "";

    public object CreatedAt { get; init; } = 0L;

    public object ExpiresAt { get; init; } = 0L;
}
