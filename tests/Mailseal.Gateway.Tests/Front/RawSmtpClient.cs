using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>A byte-level client for what MailKit will not send: pipelined batches, smuggling payloads, LMTP.</summary>
internal sealed class RawSmtpClient : IAsyncDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private readonly TcpClient _client;
    private Stream _stream;
    private readonly List<byte> _pending = [];

    private RawSmtpClient(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public string Banner { get; private set; } = string.Empty;

    public static async Task<RawSmtpClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var client = new RawSmtpClient(tcp);
        client.Banner = await client.ReadReplyAsync();
        return client;
    }

    /// <summary>Runs the TLS handshake after a 220 to STARTTLS, trusting only the certificate with the thumbprint.</summary>
    public async Task UpgradeToTlsAsync(string trustedThumbprint)
    {
        Assert.Empty(_pending);
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate?.GetCertHashString() == trustedThumbprint);
        await tls.AuthenticateAsClientAsync("mx.test.example");
        _stream = tls;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Sends one command line and returns its reply.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>Reads one (possibly multi-line) reply; lines joined with "\n".</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync();
            if (line is null)
            {
                return string.Join('\n', lines.Append("<closed>"));
            }

            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>True when the server has closed the connection (reads end of stream).</summary>
    public async Task<bool> IsClosedAsync() => await ReadLineAsync() is null;

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task<string?> ReadLineAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var buffer = new byte[4096];
        while (true)
        {
            var index = _pending.IndexOf((byte)'\n');
            if (index >= 0)
            {
                var line = Encoding.UTF8.GetString(_pending.GetRange(0, index).ToArray()).TrimEnd('\r');
                _pending.RemoveRange(0, index + 1);
                return line;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(buffer, guard.Token);
            }
            catch (IOException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            _pending.AddRange(buffer.AsSpan(0, read));
        }
    }
}
