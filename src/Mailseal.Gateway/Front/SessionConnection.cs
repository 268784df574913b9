using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.Gateway.Front;

/// <summary>
/// The byte side of a session: a pipe over the socket (or over TLS after STARTTLS), command lines with a
/// length limit, and replies that are batched until the client's pipelined commands are used up (RFC 2920).
/// </summary>
internal sealed class SessionConnection : IAsyncDisposable
{
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 16 * 1024, minimumReadSize: 4096, leaveOpen: true);
    private readonly Socket _socket;
    private readonly NetworkStream _network;
    private readonly ArrayBufferWriter<byte> _pending = new(1024);
    private SslStream? _tls;

    public SessionConnection(Socket socket)
    {
        _socket = socket;
        _network = new NetworkStream(socket, ownsSocket: true);
        Reader = PipeReader.Create(_network, ReaderOptions);
    }

    public PipeReader Reader { get; private set; }

    public bool IsTls => _tls is not null;

    private Stream Stream => _tls is null ? _network : _tls;

    /// <summary>Queues a reply; it is sent before the next read that would wait, or by <see cref="FlushAsync"/>.</summary>
    public void Write(SmtpReply reply, bool more = false)
    {
        var separator = more ? '-' : ' ';
        var text = $"{reply.Code}{separator}{reply.EnhancedCode} {reply.Text}\r\n";
        _pending.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Queues a line as is (banner, EHLO keywords, AUTH challenges).</summary>
    public void WriteLine(string line) => _pending.Write(Encoding.UTF8.GetBytes(line + "\r\n"));

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.WrittenCount == 0)
        {
            return;
        }

        await Stream.WriteAsync(_pending.WrittenMemory, cancellationToken);
        _pending.Clear();
    }

    /// <summary>
    /// Reads one command line. Replies still queued are flushed first unless another command is already buffered,
    /// so that a pipelined batch gets its replies in one write.
    /// </summary>
    public async ValueTask<CommandLine> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        if (Reader.TryRead(out var peek))
        {
            Reader.AdvanceTo(peek.Buffer.Start);
        }
        else
        {
            await FlushAsync(cancellationToken);
        }

        long discarded = 0;
        while (true)
        {
            var result = await Reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var lf = buffer.PositionOf((byte)'\n');
            if (lf is null)
            {
                if (result.IsCompleted)
                {
                    Reader.AdvanceTo(buffer.End);
                    return new CommandLine(LineStatus.Closed, string.Empty);
                }

                if (buffer.Length > maxLength)
                {
                    // Too long already: drop what came and keep looking for the end of the line.
                    discarded += buffer.Length;
                    Reader.AdvanceTo(buffer.End);
                }
                else
                {
                    Reader.AdvanceTo(buffer.Start, buffer.End);
                }

                await FlushAsync(cancellationToken);
                continue;
            }

            var line = Classify(buffer.Slice(0, lf.Value), discarded, maxLength);
            Reader.AdvanceTo(buffer.GetPosition(1, lf.Value));
            return line;
        }
    }

    /// <summary>
    /// Sends the queued 220, then negotiates TLS. Bytes the client sent after STARTTLS in clear are dropped with
    /// the old pipe, so nothing injected before the handshake is ever read as a command.
    /// </summary>
    public async ValueTask UpgradeToTlsAsync(SslServerAuthenticationOptions options, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await Reader.CompleteAsync();
        var tls = new SslStream(_network, leaveInnerStreamOpen: true);
        try
        {
            await tls.AuthenticateAsServerAsync(options, cancellationToken);
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }

        _tls = tls;
        Reader = PipeReader.Create(tls, ReaderOptions);
    }

    public async ValueTask DisposeAsync()
    {
        await Reader.CompleteAsync();
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }

        await _network.DisposeAsync();
        _socket.Dispose();
    }

    private static CommandLine Classify(ReadOnlySequence<byte> line, long discarded, int maxLength)
    {
        if (discarded + line.Length + 1 > maxLength)
        {
            return new CommandLine(LineStatus.TooLong, string.Empty);
        }

        if (line.Length == 0 || line.Slice(line.Length - 1, 1).FirstSpan[0] != (byte)'\r')
        {
            return new CommandLine(LineStatus.BareNewline, string.Empty);
        }

        var text = Encoding.UTF8.GetString(line.Slice(0, line.Length - 1));
        return new CommandLine(LineStatus.Line, text);
    }
}
