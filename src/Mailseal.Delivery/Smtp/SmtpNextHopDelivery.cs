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
        try
        {
            return await DeliverOnceAsync(message, reuse: true, deadline, cancellationToken);
        }
        catch (StaleConnectionException)
        {
            // Nothing was accepted on the closed connection and nothing of the message was read: one fresh attempt.
            return await DeliverOnceAsync(message, reuse: false, deadline, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    private async Task<DeliveryResult> DeliverOnceAsync(
        OutboundMessage message, bool reuse, DeliveryDeadline deadline, CancellationToken cancellationToken)
    {
        SmtpConnection? connection = null;
        try
        {
            var pooled = await _pool.RentAsync(deadline, reuse);
            connection = pooled.Connection;
            return await SmtpTransaction.SendAsync(connection, message, pooled.Reused, deadline);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(connection);
            return Failed(message, DeliveryStatus.TransientFailure, $"Timed out talking to the next hop {_nextHop}.", null);
        }
        catch (SmtpProtocolException ex)
        {
            Fail(connection);
            var status = ex.IsTransient ? DeliveryStatus.TransientFailure : DeliveryStatus.PermanentFailure;
            return Failed(message, status, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or AuthenticationException)
        {
            Fail(connection);
            return Failed(message, DeliveryStatus.TransientFailure, $"Next hop {_nextHop}: {ex.Message}", null);
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
    }

    private static void Fail(SmtpConnection? connection)
    {
        // After an error or a timeout the protocol state is unknown: the connection is closed, not reused.
        if (connection is not null)
        {
            connection.IsUsable = false;
        }
    }

    private DeliveryResult Failed(OutboundMessage message, DeliveryStatus status, string detail, SmtpProtocolException? reply)
    {
        LogFailure(_logger, _nextHop.ToString(), message.Recipients.Count, status, detail);
        return DeliveryResult.ForAll(message.Recipients, status, detail, reply?.ReplyCode, reply?.EnhancedStatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {NextHop} failed for {RecipientCount} recipients ({Status}): {Detail}")]
    private static partial void LogFailure(ILogger logger, string nextHop, int recipientCount, DeliveryStatus status, string detail);
}
