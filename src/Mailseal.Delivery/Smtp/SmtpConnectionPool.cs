using System.Collections.Concurrent;

namespace Mailseal.Delivery.Smtp;

/// <summary>
/// Connections to the next hop, reused across messages. At most <see cref="DeliveryOptions.PoolSize"/> are
/// open at once; an idle one older than <see cref="DeliveryOptions.MaxIdleTime"/>, or one the next hop closed or
/// spoke on while it was idle, is closed. A connection whose
/// last transaction ended cleanly is reused as it is (a round trip saved per message; one the next hop closed
/// meanwhile is found at the next transaction's first reply, <see cref="StaleConnectionException"/>); one left in
/// an unfinished transaction is reset first, and replaced by a fresh connection when its RSET fails.
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

    /// <summary>An idle connection (reset first when it needs it), or a new one; waits for a free slot.</summary>
    /// <remarks>With <paramref name="reuse"/> false, a fresh connection whatever is idle.</remarks>
    public async Task<PooledConnection> RentAsync(DeliveryDeadline deadline, bool reuse = true)
    {
        await _slots.WaitAsync(deadline.Token);
        try
        {
            while (reuse && _idle.TryPop(out var connection))
            {
                if (connection.HasInputWhileIdle)
                {
                    // Closed or in an unknown state: no QUIT, which could wait for a reply that never comes.
                    connection.IsUsable = false;
                    await connection.DisposeAsync();
                    continue;
                }

                if (_time.GetUtcNow() - connection.IdleSince > _options.MaxIdleTime)
                {
                    await connection.DisposeAsync();
                    continue;
                }

                if (!connection.NeedsReset || await ResetOrCloseAsync(connection, deadline))
                {
                    return new PooledConnection(connection, Reused: true);
                }

                break;
            }

            return new PooledConnection(await SmtpConnection.OpenAsync(_nextHop, _options, _heloName, deadline), Reused: false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>True when the connection answered RSET; otherwise (a cancellation too) it is closed.</summary>
    private static async Task<bool> ResetOrCloseAsync(SmtpConnection connection, DeliveryDeadline deadline)
    {
        var reset = false;
        try
        {
            reset = await connection.TryResetAsync(deadline);
            return reset;
        }
        finally
        {
            if (!reset)
            {
                connection.IsUsable = false;
                await connection.DisposeAsync();
            }
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

/// <summary>A rented connection, and whether it carried an earlier transaction (the next hop may have closed it since).</summary>
internal readonly record struct PooledConnection(SmtpConnection Connection, bool Reused);
