using Mailseal.Delivery.Smtp;
using Microsoft.Extensions.Options;

namespace Mailseal.Delivery;

/// <summary>Checks <see cref="DeliveryOptions"/> at start, with messages an operator can act on.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    /// <summary>Postfix gives a content filter 600 s for the whole DATA phase; leave room to answer.</summary>
    public static readonly TimeSpan LongestTotalTimeout = TimeSpan.FromSeconds(540);

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.NextHop is { } nextHop && !NextHopAddress.TryParse(nextHop, out _))
        {
            failures.Add($"Delivery:NextHop '{nextHop}' is not host:port (IPv6 as [address]:port).");
        }

        CheckPositive(failures, nameof(options.ConnectTimeout), options.ConnectTimeout);
        CheckPositive(failures, nameof(options.CommandTimeout), options.CommandTimeout);
        CheckPositive(failures, nameof(options.DataReplyTimeout), options.DataReplyTimeout);
        CheckPositive(failures, nameof(options.MaxIdleTime), options.MaxIdleTime);
        CheckPositive(failures, nameof(options.TotalTimeout), options.TotalTimeout);
        if (options.TotalTimeout > LongestTotalTimeout)
        {
            failures.Add($"Delivery:TotalTimeout must be at most {LongestTotalTimeout.TotalSeconds} s, within Postfix's 600 s data timeout.");
        }

        if (options.PoolSize is < 1 or > 100)
        {
            failures.Add("Delivery:PoolSize must be between 1 and 100.");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Delivery:UserName and Delivery:Password go together: set both or neither.");
        }

        if (!Enum.IsDefined(options.TlsPolicy))
        {
            failures.Add("Delivery:TlsPolicy must be Opportunistic, Required or Off.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Delivery:{name} must be positive.");
        }
    }
}
