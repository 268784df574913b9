using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// Delivers to the next hop over SMTP with a lean client of our own (docs/delivery.md says why): the bytes
/// given are the bytes relayed, and every failure comes back as a per-recipient result.
/// </summary>
public sealed partial class SmtpNextHopDelivery : IMessageDelivery, IAsyncDisposable
{
    private readonly DeliveryOptions _options;
    private readonly NextHopAddress _nextHop;
    private readonly SmtpConnectionPool _pool;
    private readonly ILogger<SmtpNextHopDelivery> _logger;

    public SmtpNextHopDelivery(IOptions<DeliveryOptions> options, TimeProvider time, ILogger<SmtpNextHopDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.NextHop is null || !NextHopAddress.TryParse(_options.NextHop, out var nextHop))
        {
            throw new ArgumentException("Delivery:NextHop must be host:port for delivery over SMTP.", nameof(options));
        }

        _nextHop = nextHop;
        _logger = logger;
        _pool = new SmtpConnectionPool(nextHop, _options, _options.HeloName ?? Dns.GetHostName(), time);
    }

    public async Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        using var deadline = new DeliveryDeadline(_options.TotalTimeout, cancellationToken);
        return await DeliverOnceAsync(message, reuse: true, deadline);
    }

    /// <summary>
    /// Rents a connection and writes MAIL, RCPT and DATA at once; their replies arrive while the caller makes the
    /// content. When that cannot be done now (no PIPELINING, an address the next hop cannot take, the next hop not
    /// reachable), the copy is delivered the ordinary way at completion, which also reports any failure.
    /// </summary>
    public async Task<IDeliveryTransaction> BeginAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        envelope.Validate();
        DeliveryDeadline? deadline = new(_options.TotalTimeout, cancellationToken);
        SmtpConnection? connection = null;
        var untouched = false;
        var timedOut = false;
        try
        {
            var pooled = await _pool.RentAsync(deadline);
            connection = pooled.Connection;
            if (await SmtpTransaction.BeginAsync(connection, envelope, pooled.Reused, deadline) is { } commands)
            {
                var begun = new Begun(this, envelope, pooled, commands, deadline);
                (connection, deadline) = (null, null);
                return begun;
            }

            untouched = true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The time is spent (no free connection, a next hop that does not answer): a second attempt at completion,
            // with a time of its own, could outlive the sending MTA's data timeout and have the copy arrive twice.
            timedOut = true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException or SmtpProtocolException or StaleConnectionException)
        {
            // Not reachable now: the copy goes the ordinary way at completion, which reports the failure.
        }
        finally
        {
            // Whatever happened (cancellation included), a connection not handed to the transaction goes back, closed
            // unless nothing was written on it.
            if (connection is not null)
            {
                if (!untouched)
                {
                    Fail(connection);
                }

                await _pool.ReturnAsync(connection);
            }

            deadline?.Dispose();
        }

        return timedOut ? new Settled(TimedOut(envelope.Recipients)) : new WholeMessageTransaction(this, envelope);
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    private Task<DeliveryResult> DeliverOnceAsync(OutboundMessage message, bool reuse, DeliveryDeadline deadline) =>
        RunAsync(message, () => _pool.RentAsync(deadline, reuse),
            pooled => SmtpTransaction.SendAsync(pooled.Connection, message, pooled.Reused, deadline), deadline);

    /// <summary>
    /// One attempt: takes the connection from <paramref name="rent"/>, runs <paramref name="send"/> on it, turns the next
    /// hop's failures into results, and gives the connection back (closed unless it is still usable). A reused connection
    /// found closed at the first reply (<see cref="StaleConnectionException"/>) had nothing accepted and nothing of the
    /// message read: the copy is sent once more, whole, on a fresh connection.
    /// </summary>
    private async Task<DeliveryResult> RunAsync(OutboundMessage message, Func<Task<PooledConnection>> rent,
        Func<PooledConnection, Task<DeliveryResult>> send, DeliveryDeadline deadline)
    {
        SmtpConnection? connection = null;
        try
        {
            var pooled = await rent();
            connection = pooled.Connection;
            return await send(pooled);
        }
        catch (StaleConnectionException)
        {
            Fail(connection);
        }
        catch (OperationCanceledException) when (!deadline.CallerToken.IsCancellationRequested)
        {
            Fail(connection);
            return TimedOut(message.Recipients);
        }
        catch (SmtpProtocolException ex)
        {
            Fail(connection);
            var status = ex.IsTransient ? DeliveryStatus.TransientFailure : DeliveryStatus.PermanentFailure;
            return Failed(message.Recipients, status, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException)
        {
            Fail(connection);
            return Failed(message.Recipients, DeliveryStatus.TransientFailure, $"Next hop {_nextHop}: {ex.Message}", null);
        }
        catch
        {
            Fail(connection);
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                await _pool.ReturnAsync(connection);
            }
        }

        // Only a reused connection is stale, and a fresh one is never reused: this runs at most once per copy.
        return await DeliverOnceAsync(message, reuse: false, deadline);
    }

    private static void Fail(SmtpConnection? connection)
    {
        // After an error or a timeout the protocol state is unknown: the connection is closed, not reused.
        if (connection is not null)
        {
            connection.IsUsable = false;
        }
    }

    private DeliveryResult TimedOut(IReadOnlyList<string> recipients) =>
        Failed(recipients, DeliveryStatus.TransientFailure, $"Timed out talking to the next hop {_nextHop}.", null);

    private DeliveryResult Failed(IReadOnlyList<string> recipients, DeliveryStatus status, string detail, SmtpProtocolException? reply)
    {
        LogFailure(_logger, _nextHop.ToString(), recipients.Count, status, detail);
        return DeliveryResult.ForAll(recipients, status, detail, reply?.ReplyCode, reply?.EnhancedStatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {NextHop} failed for {RecipientCount} recipients ({Status}): {Detail}")]
    private static partial void LogFailure(ILogger logger, string nextHop, int recipientCount, DeliveryStatus status, string detail);

    /// <summary>A transaction whose envelope went out: completion reads its replies and sends the content.</summary>
    private sealed class Begun(
        SmtpNextHopDelivery delivery, OutboundEnvelope envelope, PooledConnection pooled, string[] commands, DeliveryDeadline deadline) : IDeliveryTransaction
    {
        private bool _handedBack;

        public async Task<DeliveryResult> CompleteAsync(Stream content, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_handedBack, this);
            cancellationToken.ThrowIfCancellationRequested();
            var message = envelope.With(content);
            message.ValidateContent();
            _handedBack = true;
            return await delivery.RunAsync(message, () => Task.FromResult(pooled),
                begun => SmtpTransaction.CompleteAsync(begun.Connection, message, commands, begun.Reused, deadline), deadline);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_handedBack)
            {
                // Never completed: the next hop may wait for the data, so the connection is closed, and nothing is delivered.
                _handedBack = true;
                Fail(pooled.Connection);
                await delivery._pool.ReturnAsync(pooled.Connection);
            }

            deadline.Dispose();
        }
    }

    /// <summary>A transaction whose result was known before any content: it sends nothing.</summary>
    private sealed class Settled(DeliveryResult result) : IDeliveryTransaction
    {
        public Task<DeliveryResult> CompleteAsync(Stream content, CancellationToken cancellationToken) => Task.FromResult(result);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
