namespace Mailseal.Storage.Stores;

/// <summary>A passcode_attempts row as Dapper reads it; times are converted by the store.</summary>
internal sealed class PassCodeAttemptRow
{
    public byte[] SubjectHash { get; init; } = [];

    public int Failures { get; init; }

    public int LockLevel { get; init; }

    public object? LockedUntil { get; init; }

    public int Day { get; init; }

    public int DayAttempts { get; init; }

    public object UpdatedAt { get; init; } = 0L;

    public long Version { get; init; }
}
