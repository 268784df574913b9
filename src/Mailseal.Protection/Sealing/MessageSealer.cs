using Mailseal.Core.Branding;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;
using MimeKit;

namespace Mailseal.Protection.Sealing;

/// <summary>
/// Seals a whole message into a wrapper mail: checks the limits, seals the original bytes into an envelope
/// on a spool, and writes the branded wrapper around it. Memory stays bounded whatever the message size.
/// </summary>
public sealed class MessageSealer(
    EnvelopeSealer envelopes,
    WrapperMailBuilder wrappers,
    IOmeConfigurationStore brandingTemplates,
    ProtectionOptions options,
    SpoolFactory spoolFactory)
{
    /// <summary>
    /// Writes the wrapper of <paramref name="message"/> (a seekable stream at its start) to
    /// <paramref name="wrapperOutput"/>. On <see cref="SealingRefusedException"/> the output is incomplete
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
        var headers = await OriginalHeaders.ReadAsync(message, cancellationToken);
        OriginalHeaders.CheckToLength(headers, options.MaxToHeaderLength);
        var branding = await FindBrandingAsync(request.BrandingTemplate, cancellationToken);
        message.Position = start;

        await using var envelope = spoolFactory();
        var license = await envelopes.SealAsync(
            message,
            new SealRequest(request.Sender, request.Recipients, headers[HeaderId.MessageId], request.Language, branding.Identity, request.ExpiresAt),
            envelope,
            cancellationToken);
        envelope.Position = 0;

        await wrappers.WriteAsync(new WrapperRequest(headers, branding, request.Language, options.PortalUrl, envelope), wrapperOutput, cancellationToken);
        return license;
    }

    private async Task<OmeConfiguration> FindBrandingAsync(string template, CancellationToken cancellationToken) =>
        await brandingTemplates.FindAsync(template, cancellationToken)
        ?? (string.Equals(template, OmeConfiguration.DefaultIdentity, StringComparison.OrdinalIgnoreCase)
            ? new OmeConfiguration(OmeConfiguration.DefaultIdentity)
            : throw new SealingRefusedException(SealingRefusalReason.UnknownBrandingTemplate, $"There is no OME configuration named \"{template}\"."));
}
