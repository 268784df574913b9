using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mailseal.Testing.Smtp;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, recording what arrives: a next hop for the gateway
/// and a relay host for Postfix. Recipients whose local part is "refuse" get 550, "defer" get 450, and so does
/// any address passed to <see cref="Defer"/> until <see cref="Accept"/>; <see cref="DataReply"/> and
/// <see cref="DataDelay"/> shape the answer to the final ".".
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly ConcurrentDictionary<string, bool> _deferred = new(StringComparer.OrdinalIgnoreCase);
    private int _sessions;
    private int _logins;
    private int _refusedLogins;
    private int _active;

    /// <param name="certificate">Offer STARTTLS with this certificate.</param>
    /// <param name="idleTimeout">Drop a connection that sends no command for this long.</param>
    /// <param name="port">The port to listen on; 0 picks a free one (give a port to bring a stopped next hop back).</param>
    /// <param name="credentials">Require AUTH with this user name and password (allowed without TLS: the sink is on loopback).</param>
    public SmtpSink(X509Certificate2? certificate = null, TimeSpan? idleTimeout = null, int port = 0, NetworkCredential? credentials = null)
    {
        var started = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult((IPEndPoint)e.LocalEndPoint);
        var builder = new SmtpServerOptionsBuilder().ServerName("sink.test");
        if (idleTimeout is { } timeout)
        {
            builder.CommandWaitTimeout(timeout);
        }

        var options = builder
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port));
                if (credentials is not null)
                {
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication();
                }
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Filter(this));
        if (credentials is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) =>
            {
                var accepted = user == credentials.UserName && password == credentials.Password;
                Interlocked.Increment(ref accepted ? ref _logins : ref _refusedLogins);
                return accepted;
            }));
        }
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, e) =>
        {
            e.Context.CommandExecuting += (_, command) => Commands.Enqueue(command.Command.Name);
            Interlocked.Increment(ref _sessions);
            Interlocked.Increment(ref _active);
        };
        _server.SessionCompleted += (_, _) => Interlocked.Decrement(ref _active);
        _server.SessionFaulted += (_, _) => Interlocked.Decrement(ref _active);
        _server.SessionCancelled += (_, _) => Interlocked.Decrement(ref _active);
        _running = _server.StartAsync(_stop.Token);
        var startup = Task.WhenAny(started.Task, _running).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        if (startup != started.Task)
        {
            // The listener failed (the port is taken): surface SmtpServer's error.
            _running.GetAwaiter().GetResult();
        }

        Port = started.Task.GetAwaiter().GetResult().Port;
    }

    public int Port { get; }

    public string NextHop => $"127.0.0.1:{Port}";

    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>AUTH exchanges the sink accepted and refused.</summary>
    public int Logins => Volatile.Read(ref _logins);

    public int RefusedLogins => Volatile.Read(ref _refusedLogins);

    /// <summary>Sessions open right now.</summary>
    public int ActiveSessions => Volatile.Read(ref _active);

    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    /// <summary>The name of every command the sink executed, in order, over all sessions (EHLO, MAIL, RCPT, DATA, RSET, …).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public SmtpServer.Protocol.SmtpResponse DataReply { get; set; } = SmtpServer.Protocol.SmtpResponse.Ok;

    public TimeSpan DataDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Answers RCPT for <paramref name="address"/> with 450 until <see cref="Accept"/>.</summary>
    public void Defer(string address) => _deferred[address] = true;

    public void Accept(string address) => _deferred.TryRemove(address, out _);

    /// <summary>The messages that reached <paramref name="recipient"/>, one per transaction.</summary>
    public IReadOnlyList<ReceivedMessage> To(string recipient) =>
        [.. Messages.Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // The sink was asked to stop.
        }

        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.DataDelay > TimeSpan.Zero)
            {
                await Task.Delay(sink.DataDelay, cancellationToken);
            }

            if (sink.DataReply.ReplyCode == SmtpReplyCode.Ok)
            {
                sink.Messages.Enqueue(new ReceivedMessage(
                    transaction.From.AsAddress(),
                    transaction.To.Select(t => t.AsAddress()).ToList(),
                    // SmtpServer counts the CRLF before the final "." as part of the terminator; it ends the last line.
                    [.. buffer.ToArray(), .. "\r\n"u8.ToArray()],
                    context.Pipe.IsSecure));
            }

            return sink.DataReply;
        }
    }

    private sealed class Filter(SmtpSink sink) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            to.User switch
            {
                "refuse" => Task.FromResult(false),
                "defer" => throw Deferral(),
                _ when sink._deferred.ContainsKey(to.AsAddress()) => throw Deferral(),
                _ => Task.FromResult(true),
            };

        private static SmtpResponseException Deferral() =>
            new(new SmtpServer.Protocol.SmtpResponse((SmtpReplyCode)450, "4.2.1 Try again later"));
    }
}
