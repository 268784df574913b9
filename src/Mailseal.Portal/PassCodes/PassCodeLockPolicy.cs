using Mailseal.Core.Portal;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// The lock rules as data: every attempt is counted as a failure before the code is looked at (so attempts
/// racing on several nodes cannot slip past the limit), a success clears the failures and the back-off.
/// </summary>
internal sealed class PassCodeLockPolicy(PassCodeOptions options)
{
    private static readonly int Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The counter with this attempt reserved, or the time the current lock lifts.</summary>
    public (PassCodeAttemptCounter? Reserved, DateTimeOffset? LockedUntil) Reserve(PassCodeAttemptCounter counter, DateTimeOffset now)
    {
        if (counter.LockedUntil is { } until && until > now)
        {
            return (null, until);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - Epoch;
        var dayAttempts = counter.Day == today ? counter.DayAttempts : 0;
        if (dayAttempts >= options.AttemptsPerDay)
        {
            return (null, DateTimeOffset.UnixEpoch.AddDays(today + 1));
        }

        var lockLevel = counter.Version != 0 && now - counter.UpdatedAt >= options.BackoffResetAfter ? 0 : counter.LockLevel;
        var failures = counter.Failures + 1;
        DateTimeOffset? lockedUntil = null;
        if (failures >= options.FailuresBeforeLock)
        {
            lockedUntil = now + options.LockBackoffs[Math.Min(lockLevel, options.LockBackoffs.Count - 1)];
            lockLevel++;
            failures = 0;
        }

        return (counter with
        {
            Failures = failures,
            LockLevel = lockLevel,
            LockedUntil = lockedUntil,
            Day = today,
            DayAttempts = dayAttempts + 1,
            UpdatedAt = now,
        }, null);
    }

    /// <summary>After a right code: no failures, no lock, the back-off from the start; the day's attempts stay counted.</summary>
    public static PassCodeAttemptCounter Succeeded(PassCodeAttemptCounter counter, DateTimeOffset now) =>
        counter with { Failures = 0, LockLevel = 0, LockedUntil = null, UpdatedAt = now };
}
