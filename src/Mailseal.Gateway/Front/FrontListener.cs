using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Mailseal.Gateway.Front;

/// <summary>One bound socket and its accept loop; each accepted connection becomes a session on the front.</summary>
internal sealed class FrontListener : IDisposable
{
    private readonly Socket _socket;

    private FrontListener(Socket socket, BoundListener bound)
    {
        _socket = socket;
        Bound = bound;
    }

    public BoundListener Bound { get; }

    public static FrontListener Bind(ListenerOptions options)
    {
        var endPoint = IPEndPoint.Parse(options.Endpoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var bound = new BoundListener(options.EffectiveName, options.Protocol, (IPEndPoint)socket.LocalEndPoint!);
        return new FrontListener(socket, bound);
    }

    /// <summary>Accepts until <paramref name="stopping"/> fires; each socket gets TCP_NODELAY before anything is sent.</summary>
    public async Task AcceptLoopAsync(Action<Socket, BoundListener> onAccepted, ILogger logger, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                // A client that reset before accept, or no file descriptors left: keep listening, but not in a tight loop.
                FrontLog.AcceptFailed(logger, Bound.Name, exception);
                await PauseAsync(stopping);
                continue;
            }

            // Without it, replies wait for the client's delayed ACK (about 40–90 ms per message on Linux).
            client.NoDelay = true;
            onAccepted(client, Bound);
        }
    }

    public void Dispose() => _socket.Dispose();

    private static async Task PauseAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the loop.
        }
    }
}
