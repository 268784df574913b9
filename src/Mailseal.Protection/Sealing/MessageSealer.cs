using Mailseal.Core.Branding;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;
using MimeKit;

namespace Mailseal.Protection.Sealing;

/// <summary>
/// Seals a whole message into a wrapper mail: checks the limits, then writes the branded wrapper with the
/// envelope sealed and base64-encoded straight into it, in one pass over the message and without spooling.
/// Memory stays bounded whatever the message size.
/// </summary>
public sealed class MessageSealer(
    EnvelopeSealer envelopes,
    WrapperMailBuilder wrappers,
    BrandingTemplateCache brandingTemplates,
    ProtectionOptions options)
{
    /// <summary>
    /// Writes the wrapper of <paramref name="message"/> (a seekable stream at its start) to
    /// <paramref name="wrapperOutput"/>. The message is read twice only in its header block. On <see cref="SealingRefusedException"/> the output is incomplete
    /// and must be discarded — never replaced by the original.
    /// </summary>
    public async Task<License> SealAsync(
        Stream message, MessageSealRequest request, Stream wrapperOutput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(request);
        if (!message.CanSeek)
        {
            throw new ArgumentException("The message stream must be seekable: spool it first.", nameof(message));
        }

        var start = message.Position;
        if (message.Length - start > options.MaxMessageBytes)
        {
            // Checked before anything is written; the sealer checks again as it reads.
            throw new SealingRefusedException(
                SealingRefusalReason.MessageTooLarge, $"The message is larger than the limit of {options.MaxMessageBytes} bytes.");
        }

        var headers = await OriginalHeaders.ReadAsync(message, cancellationToken);
        OriginalHeaders.CheckToLength(headers, options.MaxToHeaderLength);
        var branding = await FindBrandingAsync(request.BrandingTemplate, cancellationToken);
        message.Position = start;

        var sealRequest = new SealRequest(
            request.Sender, request.Recipients, headers[HeaderId.MessageId], request.Language, branding.Identity, request.ExpiresAt);
        if (request.WrapperFrom is { } wrapperFrom)
        {
            headers.RemoveAll(HeaderId.Sender);
            headers.RemoveAll(HeaderId.From);
            headers.Add(HeaderId.From, wrapperFrom.ToString());
        }

        return await wrappers.WriteAsync(
            new WrapperContext(headers, branding, request.Language, options.PortalUrl),
            wrapperOutput,
            (envelopeOutput, ct) => envelopes.SealAsync(message, sealRequest, envelopeOutput, ct),
            cancellationToken);
    }

    private async Task<OmeConfiguration> FindBrandingAsync(string template, CancellationToken cancellationToken) =>
        await brandingTemplates.FindAsync(template, cancellationToken)
        ?? (string.Equals(template, OmeConfiguration.DefaultIdentity, StringComparison.OrdinalIgnoreCase)
            ? new OmeConfiguration(OmeConfiguration.DefaultIdentity)
            : throw new SealingRefusedException(SealingRefusalReason.UnknownBrandingTemplate, $"There is no OME configuration named \"{template}\"."));
}
