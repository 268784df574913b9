using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin.Authentication;

/// <summary>
/// Counts wrong admin API keys per client address, in this node's memory: after Admin:FailedKeyLimit failures within
/// one Admin:FailedKeyWindow the address is refused until the window ends, whatever key it sends (answering a right
/// key then would let guessing go on at full speed). Requests with a valid key count for nothing.
/// </summary>
internal sealed class AdminKeyFailureLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _failures;
    private readonly TimeSpan _window;

    public AdminKeyFailureLimiter(IOptions<AdminOptions> options)
    {
        var admin = options.Value;
        _window = admin.FailedKeyWindow;
        // One fixed window per address; the framework drops an address's limiter once its window is full again.
        _failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = admin.FailedKeyLimit, Window = admin.FailedKeyWindow, QueueLimit = 0 }));
    }

    /// <summary>How long <paramref name="client"/> must wait before its next key is looked at; null when it may try now.</summary>
    public TimeSpan? RetryAfter(IPAddress client)
    {
        // Asking for no permit tells whether any is left without using one.
        using var lease = _failures.AttemptAcquire(client, 0);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
    }

    public void RecordFailure(IPAddress client)
    {
        using var lease = _failures.AttemptAcquire(client, 1);
    }

    public void Dispose() => _failures.Dispose();
}
