using Microsoft.Extensions.Options;

namespace Mailseal.Portal.PassCodes;

/// <summary>Checks <see cref="PassCodeOptions"/> at start: the limits that make guessing hopeless cannot be turned off.</summary>
public sealed class PassCodeOptionsValidator : IValidateOptions<PassCodeOptions>
{
    public ValidateOptionsResult Validate(string? name, PassCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, options.CodeLifetime > TimeSpan.Zero && options.CodeLifetime <= TimeSpan.FromHours(1),
            "CodeLifetime must be positive and at most one hour.");
        Check(failures, options.FailuresBeforeLock is >= 1 and <= 10, "FailuresBeforeLock must be between 1 and 10.");
        Check(failures, options.LockBackoffs.Count > 0 && options.LockBackoffs.All(b => b > TimeSpan.Zero && b <= PassCodeOptions.LongestBackoff),
            $"LockBackoffs must list at least one positive back-off, none longer than {PassCodeOptions.LongestBackoff.TotalHours} hours.");
        Check(failures, options.BackoffResetAfter > TimeSpan.Zero, "BackoffResetAfter must be positive.");
        Check(failures, options.AttemptsPerDay is >= 1 and <= PassCodeOptions.HighestAttemptsPerDay,
            $"AttemptsPerDay must be between 1 and {PassCodeOptions.HighestAttemptsPerDay}.");
        Check(failures, options.SendWindow > TimeSpan.Zero && options.SendWindow <= TimeSpan.FromDays(1), "SendWindow must be positive and at most a day.");
        Check(failures, options.SendsPerAddress >= 1, "SendsPerAddress must be at least 1.");
        Check(failures, options.SendsPerClient >= 1, "SendsPerClient must be at least 1.");
        Check(failures, options.MailQueueCapacity >= 1, "MailQueueCapacity must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool valid, string message)
    {
        if (!valid)
        {
            failures.Add($"{PassCodeOptions.SectionName}: {message}");
        }
    }
}
