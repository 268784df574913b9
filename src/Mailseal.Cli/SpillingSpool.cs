using System.Buffers;
using System.Security.Cryptography;

namespace Mailseal.Cli;

/// <summary>
/// A message spool that stays in a pooled buffer while it is small and moves to a temporary file the moment it would
/// grow past <see cref="MemoryLimit"/>. Most mail is tens of kilobytes: kept in memory it costs no system call and
/// no thread-pool hop per read or write (asynchronous file I/O on Linux runs on the thread pool), while a 25 MB
/// message still never sits in memory whole. The buffer is zeroed before it goes back to the pool: it held plaintext.
/// </summary>
internal sealed class SpillingSpool : Stream
{
    /// <summary>Large enough for a typical message and its wrapper (a 50 KB message seals to about 96 KB).</summary>
    public const int DefaultMemoryLimit = 256 * 1024;

    private const int InitialCapacity = 16 * 1024;

    private readonly Func<Stream> _createFile;
    private byte[]? _buffer;
    private int _length;
    private int _position;
    private Stream? _file;
    private bool _disposed;

    /// <param name="memoryLimit">Bytes kept in memory before the spool moves to a file.</param>
    /// <param name="createFile">Opens the empty, seekable temporary file the spool moves to.</param>
    public SpillingSpool(int memoryLimit, Func<Stream> createFile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryLimit);
        ArgumentNullException.ThrowIfNull(createFile);
        MemoryLimit = memoryLimit;
        _createFile = createFile;
    }

    public int MemoryLimit { get; }

    /// <summary>True once the spool has moved to its temporary file.</summary>
    public bool IsOnFile => _file is not null;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => !_disposed;

    public override long Length
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _file?.Length ?? _length;
        }
    }

    public override long Position
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _file?.Position ?? _position;
        }
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is not null)
        {
            return _file.Read(buffer);
        }

        var count = Math.Min(buffer.Length, Math.Max(0, _length - _position));
        if (count == 0)
        {
            return 0;
        }

        _buffer.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_file is not null)
        {
            return _file.ReadAsync(buffer, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is null && (long)_position + buffer.Length > MemoryLimit)
        {
            MoveToFile();
        }

        if (_file is not null)
        {
            _file.Write(buffer);
            return;
        }

        var end = _position + buffer.Length;
        EnsureCapacity(end);
        ClearGap(_position);
        buffer.CopyTo(_buffer.AsSpan(_position));
        _position = end;
        _length = Math.Max(_length, end);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_file is null && (long)_position + buffer.Length <= MemoryLimit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        return WriteToFileAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void WriteByte(byte value) => Write([value]);

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is not null)
        {
            return _file.Seek(offset, origin);
        }

        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0)
        {
            throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        }

        if (target > MemoryLimit)
        {
            MoveToFile();
            return _file!.Seek(target, SeekOrigin.Begin);
        }

        _position = (int)target;
        return _position;
    }

    public override void SetLength(long value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (_file is null && value > MemoryLimit)
        {
            MoveToFile();
        }

        if (_file is not null)
        {
            _file.SetLength(value);
            return;
        }

        var length = (int)value;
        EnsureCapacity(length);
        if (length > _length)
        {
            _buffer.AsSpan(_length, length - _length).Clear();
        }
        else
        {
            // What is cut off is plaintext too: the pooled buffer must not keep it.
            CryptographicOperations.ZeroMemory(_buffer.AsSpan(length, _length - length));
        }

        _length = length;
        _position = Math.Min(_position, _length);
    }

    public override void Flush() => _file?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _file?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is not null)
        {
            await _file.CopyToAsync(destination, bufferSize, cancellationToken);
            return;
        }

        var start = _position;
        _position = Math.Max(_position, _length);
        if (start < _length)
        {
            await destination.WriteAsync(_buffer.AsMemory(start, _length - start), cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _disposed = true;
            ReturnBuffer();
            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask WriteToFileAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is null)
        {
            MoveToFile();
        }

        await _file!.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>Writes what the buffer holds to a new temporary file, at the same position, and lets the buffer go.</summary>
    private void MoveToFile()
    {
        var file = _createFile();
        try
        {
            file.Write(_buffer.AsSpan(0, _length));
            file.Position = _position;
        }
        catch
        {
            file.Dispose();
            throw;
        }

        _file = file;
        ReturnBuffer();
        _length = 0;
        _position = 0;
    }

    private void EnsureCapacity(int needed)
    {
        if (_buffer is not null && _buffer.Length >= needed)
        {
            return;
        }

        var capacity = Math.Min(MemoryLimit, Math.Max(needed, Math.Max(InitialCapacity, (_buffer?.Length ?? 0) * 2)));
        var larger = ArrayPool<byte>.Shared.Rent(capacity);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ReturnBuffer();
        _buffer = larger;
    }

    /// <summary>A write after a seek past the end leaves zeros in between, as a file does; a rented buffer holds anything.</summary>
    private void ClearGap(int writeStart)
    {
        if (writeStart > _length)
        {
            _buffer.AsSpan(_length, writeStart - _length).Clear();
        }
    }

    private void ReturnBuffer()
    {
        if (_buffer is null)
        {
            return;
        }

        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
