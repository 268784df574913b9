using System.Buffers;
using System.Security.Cryptography;
using Mailseal.Protection.Envelope;
using MimeKit;

namespace Mailseal.Portal.Reading;

/// <summary>
/// A session's message, decrypted into memory for one request. The plaintext sits in one pooled buffer that the
/// message is parsed from in place (its parts are windows on the buffer, not copies). Disposing closes the message
/// and zeroes the buffer before it goes back to the pool, so no plaintext outlives the request or reaches the
/// buffer's next user.
/// </summary>
public sealed class OpenedMessage : IDisposable
{
    private readonly byte[] _plaintext;
    private readonly MemoryStream _content;
    private int _disposed;

    private OpenedMessage(License license, MimeMessage message, byte[] plaintext, MemoryStream content)
    {
        License = license;
        Message = message;
        _plaintext = plaintext;
        _content = content;
    }

    public License License { get; }

    public MimeMessage Message { get; }

    /// <summary>Unseals <paramref name="envelope"/> and parses the message from the plaintext. Every read request does this.</summary>
    /// <exception cref="EnvelopeInvalidException">The envelope is not valid here.</exception>
    internal static async Task<OpenedMessage> UnsealAsync(EnvelopeUnsealer unsealer, byte[] envelope, CancellationToken cancellationToken)
    {
        // The plaintext is never longer than its envelope, so a buffer of the envelope's size holds it. A pooled one:
        // a fresh 25 MB array per request costs more (zeroing, page faults, full collections) than decrypting into it.
        var plaintext = ArrayPool<byte>.Shared.Rent(envelope.Length);
        try
        {
            using var output = new MemoryStream(plaintext, 0, envelope.Length, writable: true);
            var license = await unsealer.UnsealAsync(new MemoryStream(envelope, writable: false), output, cancellationToken);
            var content = new MemoryStream(plaintext, 0, (int)output.Position, writable: false, publiclyVisible: true);
            var message = await MimeMessage.LoadAsync(content, persistent: true, cancellationToken);
            return new OpenedMessage(license, message, plaintext, content);
        }
        catch
        {
            // Segments verified before a failure are plaintext too.
            CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, envelope.Length));
            ArrayPool<byte>.Shared.Return(plaintext);
            throw;
        }
    }

    public void Dispose()
    {
        // Returning the buffer twice would hand it to two requests at once.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var length = (int)_content.Length;
        Message.Dispose();
        _content.Dispose();
        CryptographicOperations.ZeroMemory(_plaintext.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(_plaintext);
    }
}
