using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>
/// A minimal next hop (PIPELINING, no other extension) whose first session takes one message and then closes the
/// connection as the next MAIL arrives, without a reply: the race a pool cannot see before it sends.
/// </summary>
internal sealed class ClosingNextHop : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _sessions;

    public ClosingNextHop()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string NextHop => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Sessions => Volatile.Read(ref _sessions);

    public ConcurrentQueue<string> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(ServeAsync(client, Interlocked.Increment(ref _sessions)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await Task.WhenAll(sessions);
        }
    }

    private async Task ServeAsync(TcpClient client, int session)
    {
        using var _ = client;
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        var writer = new StreamWriter(client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 closing.test");
            var mails = 0;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                if (verb == "MAIL" && ++mails == 2 && session == 1)
                {
                    return;
                }

                await writer.WriteAsync(verb switch
                {
                    "EHLO" => "250-closing.test\r\n250 PIPELINING\r\n",
                    "DATA" => "354 go\r\n",
                    "QUIT" => "221 bye\r\n",
                    _ => "250 ok\r\n",
                });
                if (verb == "DATA")
                {
                    var message = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                    {
                        message.Append(data).Append("\r\n");
                    }

                    Messages.Enqueue(message.ToString());
                    await writer.WriteLineAsync("250 queued");
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away or the test ended.
        }
    }
}
