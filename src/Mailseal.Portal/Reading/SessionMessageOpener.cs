using Mailseal.Core.Portal;
using Mailseal.Protection.Envelope;
using MimeKit;

namespace Mailseal.Portal.Reading;

/// <summary>
/// Unseals a session's envelope from the shared cache into memory, per request: nothing decrypted touches a disk
/// or the database. Memory is bounded by the envelope, which is bounded by Portal:MaxEnvelopeBytes (the plaintext
/// is never longer than its envelope).
/// </summary>
public sealed class SessionMessageOpener(IPreSessionStore store, EnvelopeUnsealer unsealer, TimeProvider time)
{
    /// <summary>The message, or null when the envelope is gone, no longer valid here, or expired.</summary>
    public async Task<OpenedMessage?> OpenAsync(PortalSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = time.GetUtcNow();
        var envelope = await store.ReadEnvelopeAsync(session.EnvelopeHash, now, cancellationToken);
        if (envelope is null)
        {
            return null;
        }

        var plaintext = new MemoryStream(envelope.Length);
        License license;
        try
        {
            license = await unsealer.UnsealAsync(new MemoryStream(envelope, writable: false), plaintext, cancellationToken);
        }
        catch (EnvelopeInvalidException)
        {
            return null;
        }

        if (license.ExpiresAt is { } expiry && expiry <= now)
        {
            return null;
        }

        plaintext.Position = 0;
        var message = await MimeMessage.LoadAsync(plaintext, persistent: false, cancellationToken);
        return new OpenedMessage(license, message);
    }
}
