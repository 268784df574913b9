namespace Mailseal.Delivery.Smtp;

/// <summary>
/// The time limits of one delivery: a cap on the whole of it, and a step limit that each read or write
/// re-arms. A cancelled token means a timeout unless the caller's own token was cancelled.
/// </summary>
internal sealed class DeliveryDeadline : IDisposable
{
    private readonly CancellationTokenSource _total;
    private readonly CancellationTokenSource _step;

    public DeliveryDeadline(TimeSpan total, CancellationToken callerToken)
    {
        CallerToken = callerToken;
        _total = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        _total.CancelAfter(total);
        _step = CancellationTokenSource.CreateLinkedTokenSource(_total.Token);
    }

    public CancellationToken CallerToken { get; }

    public CancellationToken Token => _step.Token;

    /// <summary>Gives the next step <paramref name="limit"/> from now (bounded by the total).</summary>
    public CancellationToken Arm(TimeSpan limit)
    {
        _step.CancelAfter(limit);
        return _step.Token;
    }

    /// <summary>
    /// Stops the step limit until the next <see cref="Arm"/>: for a wait that is ours, not the next hop's (the content
    /// of a begun copy being made). The total still runs.
    /// </summary>
    public void Disarm() => _step.CancelAfter(Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _step.Dispose();
        _total.Dispose();
    }
}
