using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.GatewayBench;

/// <summary>
/// A lean SMTP client on one persistent connection: TCP_NODELAY, MAIL/RCPT/DATA pipelined (RFC 2920), the message
/// prepared once with dot-stuffing, and no parsing beyond the reply codes — so that the client is never the bottleneck.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private static readonly byte[] Envelope = "MAIL FROM:<alice@example.org>\r\nRCPT TO:<bob@example.net>\r\nDATA\r\n"u8.ToArray();
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private LoadClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<LoadClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var client = new LoadClient(socket);
        await client.ExpectAsync(220);
        await client._stream.WriteAsync("EHLO loadgen.bench\r\n"u8.ToArray());
        await client.ExpectAsync(250);
        return client;
    }

    /// <summary>The message with leading dots doubled and the end-of-data line: what goes on the wire after DATA.</summary>
    public static byte[] DataPayload(byte[] message)
    {
        using var output = new MemoryStream(message.Length + 1024);
        var lineStart = true;
        foreach (var b in message)
        {
            if (lineStart && b == (byte)'.')
            {
                output.WriteByte((byte)'.');
            }

            output.WriteByte(b);
            lineStart = b == (byte)'\n';
        }

        output.Write(lineStart ? ".\r\n"u8 : "\r\n.\r\n"u8);
        return output.ToArray();
    }

    /// <summary>Sends one message; returns the time from MAIL FROM to the reply to the final ".".</summary>
    public async Task<TimeSpan> SendAsync(byte[] payload)
    {
        var clock = Stopwatch.StartNew();
        await _stream.WriteAsync(Envelope);
        await ExpectAsync(250);
        await ExpectAsync(250);
        await ExpectAsync(354);
        await _stream.WriteAsync(payload);
        await ExpectAsync(250);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.WriteAsync("QUIT\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The gateway may already be gone; the connection closes either way.
        }

        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    /// <summary>Reads one (possibly multi-line) reply and checks its code.</summary>
    private async Task ExpectAsync(int code)
    {
        while (true)
        {
            var line = await ReadLineAsync();
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var got) || got != code)
            {
                throw new InvalidOperationException($"Expected {code}, the gateway answered: {line}");
            }

            if (line.Length == 3 || line[3] == ' ')
            {
                return;
            }
        }
    }

    private async Task<string> ReadLineAsync()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end));
            if (read == 0)
            {
                throw new IOException("The gateway closed the connection.");
            }

            _end += read;
        }
    }
}
