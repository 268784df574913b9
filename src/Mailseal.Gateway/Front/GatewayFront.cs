using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Mailseal.Protection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Front;

/// <summary>
/// The SMTP, LMTP and submission listeners of the gateway. <see cref="StartAsync"/> binds them all;
/// <see cref="StopAsync"/> stops accepting, lets transactions in flight finish within
/// <see cref="GatewayFrontOptions.ShutdownTimeout"/>, then closes what is left.
/// </summary>
public sealed class GatewayFront : IAsyncDisposable
{
    private readonly GatewayFrontOptions _options;
    private readonly IMessageHandler _handler;
    private readonly SpoolFactory _spoolFactory;
    private readonly ILogger<GatewayFront> _logger;
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private readonly List<FrontListener> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private FrontContext? _context;
    private long _connectionCounter;
    private int _activeConnections;

    public GatewayFront(IOptions<GatewayFrontOptions> options, IMessageHandler handler, SpoolFactory spoolFactory, ILogger<GatewayFront> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _handler = handler;
        _spoolFactory = spoolFactory;
        _logger = logger;
    }

    /// <summary>The listeners as bound (with the real port when port 0 was configured); empty before start.</summary>
    public IReadOnlyList<BoundListener> Listeners => _listeners.Select(listener => listener.Bound).ToArray();

    /// <summary>Called with every accepted socket before its session starts; lets tests observe socket options.</summary>
    internal Action<Socket>? SocketAccepted { get; set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_context is not null)
        {
            throw new InvalidOperationException("The gateway front is already started.");
        }

        var validation = new GatewayFrontOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(GatewayFrontOptions.SectionName, typeof(GatewayFrontOptions), validation.Failures);
        }

        _context = new FrontContext(
            _options, _handler, _spoolFactory, new RelayPolicy(_options.EffectiveRelayNetworks),
            new SubmissionAuthenticator(_options.Submission), ServerCertificateLoader.Load(_options.Tls), _logger);
        try
        {
            foreach (var listener in _options.Listeners)
            {
                _listeners.Add(FrontListener.Bind(listener));
            }
        }
        catch
        {
            _listeners.ForEach(listener => listener.Dispose());
            _listeners.Clear();
            throw;
        }

        foreach (var listener in _listeners)
        {
            _acceptLoops.Add(listener.AcceptLoopAsync(OnAccepted, _logger, _stopping.Token));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_acceptLoops);
        _listeners.ForEach(listener => listener.Dispose());
        try
        {
            await Task.WhenAll(_sessions.Values).WaitAsync(_options.ShutdownTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            await _abort.CancelAsync();
            await Task.WhenAll(_sessions.Values);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None);
        }

        _stopping.Dispose();
        _abort.Dispose();
    }

    private void OnAccepted(Socket socket, BoundListener listener)
    {
        SocketAccepted?.Invoke(socket);
        var id = Interlocked.Increment(ref _connectionCounter);
        var task = Task.Run(() => ServeAsync(socket, listener, id));
        _sessions[id] = task;
        _ = task.ContinueWith(_ => _sessions.TryRemove(id, out Task? _), TaskScheduler.Default);
    }

    private async Task ServeAsync(Socket socket, BoundListener listener, long id)
    {
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        await using var connection = new SessionConnection(socket);
        if (Interlocked.Increment(ref _activeConnections) > _options.MaxConnections)
        {
            Interlocked.Decrement(ref _activeConnections);
            FrontLog.TooManyConnections(_logger, remote, listener.Name);
            await RefuseAsync(connection);
            return;
        }

        var connectionId = string.Create(CultureInfo.InvariantCulture, $"{listener.Name}#{id}");
        var session = new SmtpSession(_context!, listener, connection, remote, connectionId);
        FrontLog.ConnectionOpened(_logger, connectionId, remote, listener.Name);
        try
        {
            await session.RunAsync(_stopping.Token, _abort.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            FrontLog.ConnectionFailed(_logger, connectionId, exception);
        }
        catch (Exception exception)
        {
            // A defect in one session must not go unseen; the connection closes and the client retries later.
            FrontLog.ConnectionDefect(_logger, connectionId, exception);
        }
        finally
        {
            Interlocked.Decrement(ref _activeConnections);
            FrontLog.ConnectionClosed(_logger, connectionId, session.TransactionCount);
        }
    }

    private static async Task RefuseAsync(SessionConnection connection)
    {
        connection.Write(FrontReplies.TooManyConnections);
        try
        {
            await connection.FlushAsync(CancellationToken.None);
        }
        catch (IOException)
        {
            // The client left first; nothing to tell it.
        }
    }
}
