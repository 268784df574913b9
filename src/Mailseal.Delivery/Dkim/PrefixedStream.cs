namespace Mailseal.Delivery.Dkim;

/// <summary>
/// Reads a few header bytes, then the message from where it started: the signed copy without copying the
/// message. Read-only; seekable when the message is. Does not own the message stream.
/// </summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] _prefix;
    private readonly Stream _inner;
    private readonly long _innerStart;
    private long _position;

    public PrefixedStream(byte[] prefix, Stream inner, long innerStart)
    {
        _prefix = prefix;
        _inner = inner;
        _innerStart = innerStart;
    }

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _prefix.Length + _inner.Length - _innerStart;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < _prefix.Length)
        {
            var count = (int)Math.Min(buffer.Length, _prefix.Length - _position);
            _prefix.AsSpan((int)_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        var read = _inner.Read(buffer);
        _position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < _prefix.Length)
        {
            return Read(buffer.Span);
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        _inner.Position = _innerStart + Math.Max(0, target - _prefix.Length);
        _position = target;
        return target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
