namespace Mailseal.Storage.Stores;

/// <summary>A passcode_codes row as Dapper reads it; the time is converted by the store.</summary>
internal sealed class PassCodeRow
{
    public byte[] SubjectHash { get; init; } = [];

    public byte[] CodeHash { get; init; } = [];

    public object ExpiresAt { get; init; } = 0L;
}
