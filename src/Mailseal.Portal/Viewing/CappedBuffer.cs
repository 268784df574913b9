namespace Mailseal.Portal.Viewing;

/// <summary>A write-only stream that keeps at most a given number of bytes and counts all that came.</summary>
internal sealed class CappedBuffer(long capacity) : Stream
{
    private readonly MemoryStream _buffer = new();

    public bool Overflowed { get; private set; }

    /// <summary>Every byte written, kept or not.</summary>
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position
    {
        get => _buffer.Length;
        set => throw new NotSupportedException();
    }

    public byte[] ToArray() => _buffer.ToArray();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Written += buffer.Length;
        var room = (int)Math.Min(capacity - _buffer.Length, buffer.Length);
        if (room < buffer.Length)
        {
            Overflowed = true;
        }

        if (room > 0)
        {
            _buffer.Write(buffer[..room]);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
