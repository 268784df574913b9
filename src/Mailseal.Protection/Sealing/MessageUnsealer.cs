using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Protection.Sealing;

/// <summary>
/// Unseals a wrapper mail or a bare message.html back to the original bytes, in one pass: the envelope is
/// decoded from the hidden field as the unsealer reads it, with no spool. Plaintext reaches the output only
/// segment by segment as each verifies; callers that must not expose a partial result write to a temporary
/// place and keep it only when this returns.
/// </summary>
public sealed class MessageUnsealer(EnvelopeUnsealer envelopes)
{
    /// <summary>Throws <see cref="EnvelopeInvalidException"/> for anything that is not a valid envelope of this tenant.</summary>
    public async Task<License> UnsealAsync(Stream wrapperOrMessageHtml, Stream plaintextOutput, CancellationToken cancellationToken = default)
    {
        await using var envelope = await EnvelopeExtractor.OpenAsync(wrapperOrMessageHtml, cancellationToken);
        return await envelopes.UnsealAsync(envelope, plaintextOutput, cancellationToken);
    }
}
