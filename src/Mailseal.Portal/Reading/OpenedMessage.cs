using System.Security.Cryptography;
using Mailseal.Protection.Envelope;
using MimeKit;

namespace Mailseal.Portal.Reading;

/// <summary>
/// A session's message, decrypted into memory for one request. The plaintext sits in one buffer that the message is
/// parsed from in place (its parts refer to the buffer instead of copying it); disposing zeroes the buffer, so the
/// plaintext does not wait in memory for the collector.
/// </summary>
public sealed class OpenedMessage : IDisposable
{
    private readonly byte[] _plaintext;

    private OpenedMessage(License license, MimeMessage message, byte[] plaintext)
    {
        License = license;
        Message = message;
        _plaintext = plaintext;
    }

    public License License { get; }

    public MimeMessage Message { get; }

    /// <summary>Unseals <paramref name="envelope"/> and parses the message from the plaintext. Every read request does this.</summary>
    /// <exception cref="EnvelopeInvalidException">The envelope is not valid here.</exception>
    internal static async Task<OpenedMessage> UnsealAsync(EnvelopeUnsealer unsealer, byte[] envelope, CancellationToken cancellationToken)
    {
        // The plaintext is never longer than its envelope, so a buffer of the envelope's size holds it without growing.
        var plaintext = new byte[envelope.Length];
        try
        {
            using var output = new MemoryStream(plaintext, writable: true);
            var license = await unsealer.UnsealAsync(new MemoryStream(envelope, writable: false), output, cancellationToken);
            var content = new MemoryStream(plaintext, 0, (int)output.Position, writable: false, publiclyVisible: true);
            var message = await MimeMessage.LoadAsync(content, persistent: true, cancellationToken);
            return new OpenedMessage(license, message, plaintext);
        }
        catch
        {
            // Segments verified before a failure are plaintext too.
            CryptographicOperations.ZeroMemory(plaintext);
            throw;
        }
    }

    public void Dispose()
    {
        Message.Dispose();
        CryptographicOperations.ZeroMemory(_plaintext);
    }
}
