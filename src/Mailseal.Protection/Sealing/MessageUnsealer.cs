using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Protection.Sealing;

/// <summary>
/// Unseals a wrapper mail or a bare message.html back to the original bytes. Plaintext reaches the output
/// only segment by segment as each verifies; callers that must not expose a partial result write to a
/// temporary place and keep it only when this returns.
/// </summary>
public sealed class MessageUnsealer(EnvelopeUnsealer envelopes, SpoolFactory spoolFactory)
{
    /// <summary>Throws <see cref="EnvelopeInvalidException"/> for anything that is not a valid envelope of this tenant.</summary>
    public async Task<License> UnsealAsync(Stream wrapperOrMessageHtml, Stream plaintextOutput, CancellationToken cancellationToken = default)
    {
        await using var envelope = spoolFactory();
        await EnvelopeExtractor.ExtractAsync(wrapperOrMessageHtml, envelope, cancellationToken);
        envelope.Position = 0;
        return await envelopes.UnsealAsync(envelope, plaintextOutput, cancellationToken);
    }
}
