namespace Mailseal.Core.Portal;

/// <summary>
/// Attempts at a subject's pass codes, across resends and pre-sessions: the failures since the last lock, how
/// many locks came before (the back-off step), the current lock, and the attempts of the current UTC day.
/// </summary>
/// <param name="SubjectHash">Keyed hash of the envelope and the recipient's address.</param>
/// <param name="Failures">Failed attempts since the last lock or success.</param>
/// <param name="LockLevel">Locks so far; picks the next back-off.</param>
/// <param name="LockedUntil">No attempt is checked before this time.</param>
/// <param name="Day">The UTC day <paramref name="DayAttempts"/> counts, as days since 1970-01-01.</param>
/// <param name="DayAttempts">Attempts checked on <paramref name="Day"/>.</param>
/// <param name="UpdatedAt">Last change, for pruning idle counters.</param>
/// <param name="Version">Optimistic concurrency: 0 for a counter not stored yet.</param>
public sealed record PassCodeAttemptCounter(
    ReadOnlyMemory<byte> SubjectHash,
    int Failures,
    int LockLevel,
    DateTimeOffset? LockedUntil,
    int Day,
    int DayAttempts,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>A counter with nothing counted yet.</summary>
    public static PassCodeAttemptCounter New(ReadOnlyMemory<byte> subjectHash, DateTimeOffset now) =>
        new(subjectHash, 0, 0, null, 0, 0, now, 0);
}
