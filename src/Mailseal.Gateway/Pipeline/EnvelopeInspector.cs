using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// Decides whether a message is an envelope of this organisation: its license must verify with our keys. The
/// mark header alone proves nothing. Failures of the key store propagate (the message is deferred).
/// </summary>
public sealed class EnvelopeInspector(EnvelopeUnsealer envelopes)
{
    /// <summary>The verified license, or null when the message is not a valid envelope of ours.</summary>
    public async Task<License?> VerifyAsync(Stream message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            // The license comes first: verifying it reads only the start of the envelope, never the whole.
            message.Position = 0;
            await using var envelope = await EnvelopeExtractor.OpenAsync(message, cancellationToken);
            return await envelopes.VerifyAsync(envelope, cancellationToken);
        }
        catch (EnvelopeInvalidException)
        {
            return null;
        }
    }
}
