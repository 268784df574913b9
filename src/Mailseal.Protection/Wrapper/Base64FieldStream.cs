using System.Buffers;
using System.Buffers.Text;
using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// A read-only stream of the envelope's bytes, decoded on the fly from the base64 value of message.html's
/// hidden field (line breaks ignored) up to its closing quote. Anything but base64, padding and white space
/// in the value, or a value without its closing quote, is <see cref="EnvelopeInvalidException"/>.
/// </summary>
internal sealed class Base64FieldStream : Stream
{
    public const int ChunkBytes = 1 << 16;

    private const int MaxDecodedBytes = ChunkBytes / 4 * 3;

    private static readonly SearchValues<byte> WhiteSpace = SearchValues.Create(" \t\r\n"u8);

    private static readonly SearchValues<byte> Base64OrWhiteSpace =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);

    private readonly Stream _source;
    private readonly IDisposable? _owner;
    private readonly byte[] _text;
    private readonly byte[] _decoded = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private int _pending;
    private int _fresh;
    private int _decodedOffset;
    private int _decodedCount;
    private bool _ended;
    private bool _disposed;

    /// <param name="source">The rest of the page after the bytes already read.</param>
    /// <param name="text">A pooled buffer of <see cref="ChunkBytes"/> whose first <paramref name="read"/> bytes follow the field's opening quote; the stream returns it.</param>
    /// <param name="read">How many bytes of the value <paramref name="text"/> holds already.</param>
    /// <param name="owner">Disposed with the stream (e.g. the parsed wrapper that <paramref name="source"/> reads from).</param>
    public Base64FieldStream(Stream source, byte[] text, int read, IDisposable? owner)
    {
        _source = source;
        _text = text;
        _fresh = read;
        _owner = owner;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_decodedOffset == _decodedCount)
        {
            if (_ended || buffer.IsEmpty)
            {
                return 0;
            }

            if (_fresh == 0)
            {
                _fresh = await _source.ReadAsync(_text.AsMemory(_pending, ChunkBytes - _pending), cancellationToken);
                if (_fresh == 0)
                {
                    throw new EnvelopeInvalidException();
                }
            }

            // A reader with room for a whole decoded chunk gets it without the extra copy.
            if (buffer.Length >= MaxDecodedBytes)
            {
                var direct = DecodeFresh(buffer.Span);
                if (direct > 0)
                {
                    return direct;
                }

                continue;
            }

            _decodedOffset = 0;
            _decodedCount = DecodeFresh(_decoded);
        }

        var count = Math.Min(buffer.Length, _decodedCount - _decodedOffset);
        _decoded.AsSpan(_decodedOffset, count).CopyTo(buffer.Span);
        _decodedOffset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The unsealer reads asynchronously; a synchronous reader gets the same, blocking.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_text);
            ArrayPool<byte>.Shared.Return(_decoded);
            _owner?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Decodes the whole quanta of the pending and fresh characters; a partial quantum waits for more.</summary>
    private int DecodeFresh(Span<byte> destination)
    {
        var (usable, ended) = CompactBase64(_text.AsSpan(_pending, _fresh));
        _fresh = 0;
        _pending += usable;
        var whole = ended ? _pending : _pending - (_pending % 4);
        if (Base64.DecodeFromUtf8(_text.AsSpan(0, whole), destination, out var consumed, out var written, isFinalBlock: ended) != OperationStatus.Done
            || consumed != whole)
        {
            throw new EnvelopeInvalidException();
        }

        _text.AsSpan(whole, _pending - whole).CopyTo(_text);
        _pending -= whole;
        _ended = ended;
        return written;
    }

    /// <summary>
    /// Removes line breaks in place and stops at the closing quote. Returns how many base64 characters are
    /// left and whether the value ended. Vectorised searches rather than a test per byte: this runs over
    /// every byte of a 25 MB envelope.
    /// </summary>
    private static (int Usable, bool Ended) CompactBase64(Span<byte> chunk)
    {
        var end = chunk.IndexOf((byte)'"');
        var value = end >= 0 ? chunk[..end] : chunk;
        if (value.ContainsAnyExcept(Base64OrWhiteSpace))
        {
            throw new EnvelopeInvalidException();
        }

        var kept = 0;
        while (!value.IsEmpty)
        {
            var run = value.IndexOfAny(WhiteSpace);
            run = run < 0 ? value.Length : run;
            value[..run].CopyTo(chunk[kept..]);
            kept += run;

            // White space between lines is short (CRLF): skipping it byte by byte beats another search.
            while (run < value.Length && WhiteSpace.Contains(value[run]))
            {
                run++;
            }

            value = value[run..];
        }

        return (kept, end >= 0);
    }
}
