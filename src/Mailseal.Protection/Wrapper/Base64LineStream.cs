using System.Buffers;
using System.Buffers.Text;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// A write-only stream that base64-encodes what is written into CRLF-terminated lines of 76 characters and
/// writes them to the inner stream. Bytes that do not fill a line wait for the next write, so every line but
/// the last is whole however the writer splits its data. <see cref="FinishAsync"/> writes the last line.
/// A preamble, if given, is written just before the first line: a writer that fails before writing
/// anything leaves the inner stream untouched.
/// </summary>
internal sealed class Base64LineStream : Stream
{
    // 57 input bytes make one 76-character line; a chunk is many whole lines.
    private const int BytesPerLine = 57;
    private const int LineLength = 76;
    private const int LinesPerChunk = 1024;

    private readonly Stream _inner;
    private readonly byte[] _pending = new byte[BytesPerLine];
    private readonly byte[] _lines = ArrayPool<byte>.Shared.Rent(LinesPerChunk * (LineLength + 2));
    private readonly byte[] _encoded = ArrayPool<byte>.Shared.Rent(LinesPerChunk * LineLength);
    private bool _disposed;
    private int _pendingCount;
    private ReadOnlyMemory<byte> _preamble;

    public Base64LineStream(Stream inner, ReadOnlyMemory<byte> preamble = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _preamble = preamble;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!buffer.IsEmpty)
        {
            var length = Encode(ref buffer, out var taken);
            if (length > 0)
            {
                await WritePreambleAsync(cancellationToken);
                await _inner.WriteAsync(_lines.AsMemory(0, length), cancellationToken);
            }

            buffer = buffer[taken..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var memory = (ReadOnlyMemory<byte>)buffer.ToArray();
        while (!memory.IsEmpty)
        {
            var length = Encode(ref memory, out var taken);
            if (!_preamble.IsEmpty)
            {
                _inner.Write(_preamble.Span);
                _preamble = default;
            }

            _inner.Write(_lines, 0, length);
            memory = memory[taken..];
        }
    }

    /// <summary>Writes the last, possibly short and padded, line. Nothing may be written afterwards.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await WritePreambleAsync(cancellationToken);
        if (_pendingCount > 0)
        {
            var length = EncodeLines(_pending.AsSpan(0, _pendingCount), _lines);
            _pendingCount = 0;
            await _inner.WriteAsync(_lines.AsMemory(0, length), cancellationToken);
        }
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_lines);
            ArrayPool<byte>.Shared.Return(_encoded);
        }

        base.Dispose(disposing);
    }

    private async ValueTask WritePreambleAsync(CancellationToken cancellationToken)
    {
        if (!_preamble.IsEmpty)
        {
            var preamble = _preamble;
            _preamble = default;
            await _inner.WriteAsync(preamble, cancellationToken);
        }
    }

    /// <summary>Encodes whole lines from the pending bytes and the start of <paramref name="buffer"/> into the line buffer.</summary>
    private int Encode(ref ReadOnlyMemory<byte> buffer, out int taken)
    {
        var input = buffer.Span;
        taken = 0;
        var length = 0;
        if (_pendingCount > 0)
        {
            taken = Math.Min(BytesPerLine - _pendingCount, input.Length);
            input[..taken].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += taken;
            if (_pendingCount < BytesPerLine)
            {
                return 0;
            }

            length = EncodeLines(_pending, _lines);
            _pendingCount = 0;
        }

        var lineCapacity = LinesPerChunk - (length / (LineLength + 2));
        var wholeLines = Math.Min((input.Length - taken) / BytesPerLine, lineCapacity);
        var whole = wholeLines * BytesPerLine;
        length += EncodeLines(input.Slice(taken, whole), _lines.AsSpan(length));
        taken += whole;
        if (wholeLines < lineCapacity)
        {
            // Fewer than a line's worth is left: it waits for the next write.
            var rest = input[taken..];
            rest.CopyTo(_pending);
            _pendingCount = rest.Length;
            taken = input.Length;
        }

        return length;
    }

    /// <summary>
    /// Encodes all of <paramref name="data"/> in one call (the vectorised encoder needs long inputs; per line
    /// it would fall back to scalar code for most bytes), then spreads the text into lines.
    /// </summary>
    private int EncodeLines(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Base64.EncodeToUtf8(data, _encoded, out _, out var written);
        var encoded = _encoded.AsSpan(0, written);
        var length = 0;
        while (!encoded.IsEmpty)
        {
            var line = encoded[..Math.Min(LineLength, encoded.Length)];
            line.CopyTo(destination[length..]);
            length += line.Length;
            destination[length++] = (byte)'\r';
            destination[length++] = (byte)'\n';
            encoded = encoded[line.Length..];
        }

        return length;
    }
}
