namespace Mailseal.Storage.Stores;

/// <summary>A portal_sessions row as Dapper reads it; times are converted by the store.</summary>
internal sealed class PortalSessionRow
{
    public byte[] TokenHash { get; init; } = [];

    public byte[] PreSessionHash { get; init; } = [];

    public byte[] EnvelopeHash { get; init; } = [];

    public string EnvelopeId { get; init; } = "";

    public string Recipient { get; init; } = "";

    public object CreatedAt { get; init; } = 0L;

    public object LastSeenAt { get; init; } = 0L;

    public object ExpiresAt { get; init; } = 0L;
}
