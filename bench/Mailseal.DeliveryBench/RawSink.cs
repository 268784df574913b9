using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// A minimal SMTP sink with TCP_NODELAY (SmtpServer's accepted sockets stall on delayed ACKs, which would
/// hide the clients' differences): EHLO with PIPELINING, then it accepts everything and discards the data,
/// counting messages and their bytes.
/// </summary>
internal sealed class RawSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private long _messages;
    private long _bytes;

    public RawSink()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages accepted so far.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Bytes of message data accepted so far, as on the wire (to within a few bytes per message).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[256 * 1024];
        var filled = 0;
        var inData = false;
        await stream.WriteAsync("220 sink\r\n"u8.ToArray());
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled));
            if (read == 0)
            {
                return;
            }

            filled += read;
            var replies = new StringBuilder();
            var start = 0;
            while (true)
            {
                if (inData)
                {
                    var end = buffer.AsSpan(start, filled - start).IndexOf("\r\n.\r\n"u8);
                    if (end < 0)
                    {
                        // Keep the last four bytes: the terminator may straddle two reads.
                        var keep = Math.Min(4, filled - start);
                        Interlocked.Add(ref _bytes, filled - start - keep);
                        Buffer.BlockCopy(buffer, filled - keep, buffer, 0, keep);
                        filled = keep;
                        start = 0;
                        break;
                    }

                    Interlocked.Add(ref _bytes, end);
                    Interlocked.Increment(ref _messages);
                    start += end + 5;
                    inData = false;
                    replies.Append("250 ok\r\n");
                    continue;
                }

                var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                    start = 0;
                    break;
                }

                var line = Encoding.ASCII.GetString(buffer, start, newline).TrimEnd('\r').ToUpperInvariant();
                start += newline + 1;
                if (line.StartsWith("EHLO", StringComparison.Ordinal))
                {
                    replies.Append("250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 100000000\r\n");
                }
                else if (line.StartsWith("DATA", StringComparison.Ordinal))
                {
                    replies.Append("354 go\r\n");
                    inData = true;
                    // A message may start right after "DATA": look for its end from the CRLF just read.
                    start -= 2;
                }
                else if (line.StartsWith("QUIT", StringComparison.Ordinal))
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(replies.Append("221 bye\r\n").ToString()));
                    return;
                }
                else
                {
                    replies.Append("250 ok\r\n");
                }
            }

            if (replies.Length > 0)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(replies.ToString()));
            }
        }
    }
}
