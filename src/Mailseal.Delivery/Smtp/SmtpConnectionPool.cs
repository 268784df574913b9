using System.Collections.Concurrent;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// Connections to the next hop, reused across messages. At most <see cref="DeliveryOptions.PoolSize"/> are
/// open at once; an idle one older than <see cref="DeliveryOptions.MaxIdleTime"/> is closed, and one that
/// fails its RSET before reuse is replaced by a fresh connection (once).
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly NextHopAddress _nextHop;
    private readonly DeliveryOptions _options;
    private readonly string _heloName;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpConnection> _idle = new();

    public SmtpConnectionPool(NextHopAddress nextHop, DeliveryOptions options, string heloName, TimeProvider time)
    {
        _nextHop = nextHop;
        _options = options;
        _heloName = heloName;
        _time = time;
        _slots = new SemaphoreSlim(options.PoolSize, options.PoolSize);
    }

    public async Task<SmtpConnection> RentAsync(DeliveryDeadline deadline)
    {
        await _slots.WaitAsync(deadline.Token);
        try
        {
            while (_idle.TryPop(out var connection))
            {
                if (_time.GetUtcNow() - connection.IdleSince > _options.MaxIdleTime)
                {
                    await connection.DisposeAsync();
                    continue;
                }

                if (await connection.TryResetAsync(deadline))
                {
                    return connection;
                }

                connection.IsUsable = false;
                await connection.DisposeAsync();
                break;
            }

            return await SmtpConnection.OpenAsync(_nextHop, _options, _heloName, deadline);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Keeps a usable connection for the next message, closes any other; frees its slot either way.</summary>
    public async Task ReturnAsync(SmtpConnection connection)
    {
        try
        {
            if (connection.IsUsable)
            {
                connection.IdleSince = _time.GetUtcNow();
                _idle.Push(connection);
            }
            else
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var connection))
        {
            await connection.DisposeAsync();
        }

        _slots.Dispose();
    }
}
