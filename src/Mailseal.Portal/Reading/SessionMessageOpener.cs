using Mailseal.Core.Portal;
using Mailseal.Protection.Envelope;

namespace Mailseal.Portal.Reading;

/// <summary>
/// Unseals a session's envelope from the shared cache into memory, per request: nothing decrypted touches a disk
/// or the database. Memory is bounded by the envelope, which is bounded by Portal:MaxEnvelopeBytes (the plaintext
/// is never longer than its envelope, and the message is parsed from it in place: <see cref="OpenedMessage"/>).
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

        OpenedMessage opened;
        try
        {
            opened = await OpenedMessage.UnsealAsync(unsealer, envelope, cancellationToken);
        }
        catch (EnvelopeInvalidException)
        {
            return null;
        }

        if (opened.License.ExpiresAt is { } expiry && expiry <= now)
        {
            opened.Dispose();
            return null;
        }

        return opened;
    }
}
