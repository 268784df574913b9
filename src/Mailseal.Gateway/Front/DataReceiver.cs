using System.Buffers;

namespace Mailseal.Gateway.Front;

/// <summary>
/// Streams DATA into a spool as it arrives: dot-unstuffed, counted against the limits on the bytes actually read,
/// and ended only by CRLF "." CRLF (RFC 5321 §4.1.1.4) — a bare LF or CR next to the dot never ends it, which is
/// what stops SMTP smuggling. Once a limit is broken nothing more is kept, but the data is read to its real end so
/// that the client gets a reply and no line of the message is ever taken for a command.
/// </summary>
internal sealed class DataReceiver : IDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private readonly DataLimits _limits;
    private readonly Stream _spool;
    private readonly byte[] _output;
    private int _outputCount;
    private bool _previousLineEndedWithCrlf = true;
    private bool _inLongLine;
    private long _longLineLength;
    private bool _longLineEndsWithCr;
    private bool _inHeader = true;
    private long _fieldBytes;
    private long _messageBytes;
    private DataViolation _violation;

    public DataReceiver(DataLimits limits, Stream spool)
    {
        _limits = limits;
        _spool = spool;
        _output = ArrayPool<byte>.Shared.Rent(FlushThreshold + limits.MaxLineLength);
    }

    /// <summary>Reads to the end of data; each wait for bytes is limited by <paramref name="readTimeout"/>.</summary>
    public async Task<DataResult> ReceiveAsync(SessionConnection connection, TimeSpan readTimeout, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = connection.Reader;
        while (true)
        {
            if (!reader.TryRead(out var result))
            {
                await connection.FlushAsync(cancellationToken);
                timeout.CancelAfter(readTimeout);
                result = await reader.ReadAsync(timeout.Token);
            }

            var buffer = result.Buffer;
            var progress = ProcessLines(ref buffer);
            var examined = progress == Progress.NeedMore ? result.Buffer.End : buffer.Start;
            reader.AdvanceTo(buffer.Start, examined);
            await FlushOutputAsync(cancellationToken);
            if (progress == Progress.Ended)
            {
                return new DataResult(true, _violation, _messageBytes);
            }

            if (progress == Progress.NeedMore && result.IsCompleted)
            {
                // The client closed before the end of data: nothing more will come.
                return new DataResult(false, _violation, _messageBytes);
            }
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_output);

    private async ValueTask FlushOutputAsync(CancellationToken cancellationToken)
    {
        if (_outputCount == 0)
        {
            return;
        }

        try
        {
            await _spool.WriteAsync(_output.AsMemory(0, _outputCount), cancellationToken);
        }
        catch (IOException)
        {
            // Disk full or gone: keep reading to the end so the client gets its 451, but keep nothing.
            _violation |= DataViolation.SpoolFailed;
        }

        _outputCount = 0;
    }

    private enum Progress
    {
        NeedMore,
        OutputFull,
        Ended,
    }

    // Consumes whole lines (and parts of over-long ones) from the buffer.
    private Progress ProcessLines(ref ReadOnlySequence<byte> buffer)
    {
        while (_outputCount < FlushThreshold)
        {
            var lf = buffer.PositionOf((byte)'\n');
            if (lf is null)
            {
                if (_inLongLine || buffer.Length > _limits.MaxLineLength)
                {
                    ConsumeLongLinePart(buffer);
                    buffer = buffer.Slice(buffer.End);
                }

                return Progress.NeedMore;
            }

            var line = buffer.Slice(0, buffer.GetPosition(1, lf.Value));
            buffer = buffer.Slice(line.End);
            if (AcceptLine(line))
            {
                return Progress.Ended;
            }
        }

        return Progress.OutputFull;
    }

    private void ConsumeLongLinePart(ReadOnlySequence<byte> part)
    {
        if (part.IsEmpty)
        {
            return;
        }

        _violation |= DataViolation.LineTooLong;
        _inLongLine = true;
        _longLineLength += part.Length;
        _longLineEndsWithCr = DataLines.ByteAt(part, part.Length - 1) == '\r';
    }

    private bool AcceptLine(ReadOnlySequence<byte> line)
    {
        var continuation = _inLongLine;
        var length = line.Length + (continuation ? _longLineLength : 0);
        var endsWithCrlf = line.Length >= 2 ? DataLines.ByteAt(line, line.Length - 2) == '\r' : continuation && _longLineEndsWithCr;
        _inLongLine = false;
        _longLineLength = 0;

        if (!continuation && _previousLineEndedWithCrlf && DataLines.IsDotCrlf(line))
        {
            return true;
        }

        _previousLineEndedWithCrlf = endsWithCrlf;
        if (!endsWithCrlf)
        {
            _violation |= DataViolation.BareNewline;
        }

        if (length > _limits.MaxLineLength)
        {
            _violation |= DataViolation.LineTooLong;
        }

        _violation |= DataLines.FindForbiddenBytes(line, endsWithCrlf);
        CountHeader(line, length, continuation);

        var content = !continuation && DataLines.ByteAt(line, 0) == '.' ? line.Slice(1) : line;
        _messageBytes += content.Length;
        if (_messageBytes > _limits.MaxMessageBytes)
        {
            _violation |= DataViolation.TooBig;
        }

        if (_violation == DataViolation.None)
        {
            content.CopyTo(_output.AsSpan(_outputCount));
            _outputCount += (int)content.Length;
        }

        return false;
    }

    // Like Postfix's header_size_limit, the limit holds for each header field: its first line and the folded
    // lines after it. The header block as a whole is bounded by the message size only.
    private void CountHeader(ReadOnlySequence<byte> line, long length, bool continuation)
    {
        if (!_inHeader || continuation)
        {
            return;
        }

        var first = DataLines.ByteAt(line, 0);
        if (first == '\r' && line.Length == 2 || first == '\n')
        {
            _inHeader = false;
            return;
        }

        _fieldBytes = first is (byte)' ' or (byte)'\t' ? _fieldBytes + length : length;
        if (_fieldBytes > _limits.MaxHeaderBytes)
        {
            _violation |= DataViolation.HeaderTooBig;
        }
    }
}
