namespace Mailseal.Portal.PassCodes;

/// <summary>The limits of one-time pass codes, bound from "Portal:PassCodes"; docs/passcodes.md explains each default.</summary>
public sealed class PassCodeOptions
{
    public const string SectionName = "Portal:PassCodes";

    /// <summary>The most attempts one recipient of one envelope gets per UTC day, whatever the locks say.</summary>
    public const int HighestAttemptsPerDay = 100;

    /// <summary>The longest back-off allowed: a lock is a delay, never a way to shut a recipient out.</summary>
    public static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(24);

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed attempts after which further attempts are locked for the next back-off.</summary>
    public int FailuresBeforeLock { get; set; } = 5;

    /// <summary>The back-offs used when "LockBackoffs" is not configured.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultLockBackoffs =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    /// <summary>
    /// The lock after the first, second, third… series of failures; the last one repeats. Empty until configured
    /// (the configuration binder appends to a list, so the defaults are filled in after binding).
    /// </summary>
    public IList<TimeSpan> LockBackoffs { get; set; } = [];

    /// <summary>After this long without an attempt the back-off starts over at the first step.</summary>
    public TimeSpan BackoffResetAfter { get; set; } = TimeSpan.FromHours(24);

    public int AttemptsPerDay { get; set; } = HighestAttemptsPerDay;

    /// <summary>The window the send limits count in.</summary>
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Codes sent to one address per window, over all envelopes.</summary>
    public int SendsPerAddress { get; set; } = 5;

    /// <summary>Codes requested from one client address (an IPv6 /64) per window.</summary>
    public int SendsPerClient { get; set; } = 20;

    /// <summary>Code mails waiting to be written and sent; a request beyond it is answered alike but sends nothing.</summary>
    public int MailQueueCapacity { get; set; } = 1000;
}
