using System.Buffers.Binary;
using System.Text;

namespace Mailseal.Testing.Corpus;

/// <summary>
/// Deterministic pseudo-random bytes (xorshift64*) so that generated attachments are the same on every
/// machine and every run. Not for cryptography: only for reproducible test content.
/// </summary>
public sealed class SeededBytes
{
    private ulong _state;

    public SeededBytes(ulong seed)
    {
        _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    }

    /// <summary>A generator seeded from a text (FNV-1a of its UTF-8 bytes), stable across processes.</summary>
    public static SeededBytes FromText(string text) => new(StableHash(text));

    /// <summary>FNV-1a over the UTF-8 bytes: unlike <see cref="string.GetHashCode()"/> it is the same in every process.</summary>
    public static ulong StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    public byte[] NextBytes(int count)
    {
        var bytes = new byte[count];
        Fill(bytes);
        return bytes;
    }

    public void Fill(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[8..];
        }

        if (buffer.Length > 0)
        {
            Span<byte> last = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(last, NextUInt64());
            last[..buffer.Length].CopyTo(buffer);
        }
    }

    public ulong NextUInt64()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }
}
