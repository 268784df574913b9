using System.Text;
using Mailseal.Protection.Branding;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Writes message.html: one self-contained 7-bit page (CRLF, short lines) with the logo as a data: URI, the
/// texts, and a form that posts the envelope, base64-encoded in a hidden field, to the portal. It has no
/// script, no external resource and no field a recipient types into.
/// </summary>
public static class MessageHtmlWriter
{
    /// <summary>Writes the page, reading the envelope from its current position to its end.</summary>
    public static async Task WriteAsync(
        Stream output,
        EffectiveBranding branding,
        Uri portalUrl,
        Stream envelope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(branding);
        ArgumentNullException.ThrowIfNull(envelope);
        var envelopeUrl = PortalAddresses.Envelope(portalUrl);
        var head = MessageHtmlPage.Head(branding, portalUrl, envelopeUrl);
        var tail = MessageHtmlPage.Tail(branding, portalUrl);

        await output.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await using (var encoder = new Base64LineStream(output))
        {
            await envelope.CopyToAsync(encoder, cancellationToken);
            await encoder.FinishAsync(cancellationToken);
        }

        await output.WriteAsync(Encoding.ASCII.GetBytes(tail), cancellationToken);
    }
}
