namespace Mailseal.Delivery.Tests.Infrastructure;

/// <summary>A seekable stream that hands out a few bytes per read, so that every line break straddles a read.</summary>
internal sealed class TricklingStream(byte[] content, int bytesPerRead) : MemoryStream(content, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, bytesPerRead)]);
}
