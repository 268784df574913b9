namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>Gives some bytes, then fails as a broken spool file would.</summary>
internal sealed class FailingStream(byte[] before) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= before.Length)
        {
            throw new IOException("The spool file cannot be read.");
        }

        var length = Math.Min(count, before.Length - _position);
        Array.Copy(before, _position, buffer, offset, length);
        _position += length;
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
