using System.Text;
using Mailseal.Protection.Branding;
using MimeKit;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Renders a <see cref="WrapperTemplate"/> with MimeKit: the multipart body is written around a placeholder
/// attachment, then split at the placeholder, where message.html's head and tail go.
/// </summary>
/// <remarks>
/// The boundaries are drawn once per template and reused by every wrapper built from it. They still
/// cannot collide with anything inside the body: a boundary is <c>=_mailseal_</c> and 32 random hex
/// digits. The envelope is base64, whose alphabet has neither <c>_</c> nor <c>=</c> followed by anything
/// but <c>=</c> or a line end; the text part is quoted-printable, which writes every <c>=</c> as <c>=3D</c>;
/// the logo is base64; the HTML part and message.html are rendered from texts fixed before the random
/// digits were drawn, so they contain them only by a 2^-128 chance.
/// </remarks>
internal sealed class WrapperTemplateRenderer(IMimeIdentifierSource identifiers)
{
    private static readonly FormatOptions Format = CreateFormat();

    public WrapperTemplate Render(EffectiveBranding branding, Uri portalUrl)
    {
        var placeholder = Encoding.ASCII.GetBytes($"mailseal-message-html-{Guid.NewGuid():N}");
        var body = BuildBody(branding, portalUrl, new MemoryStream(placeholder, writable: false));
        using var rendered = new MemoryStream();
        body.WriteTo(Format, rendered);
        var written = rendered.GetBuffer().AsSpan(0, (int)rendered.Length);
        var at = written.IndexOf(placeholder);
        if (at < 0)
        {
            throw new InvalidOperationException("The wrapper lost the placeholder of message.html.");
        }

        var head = Encoding.ASCII.GetBytes(MessageHtmlPage.Head(branding, portalUrl, PortalAddresses.Envelope(portalUrl)));
        var tail = Encoding.ASCII.GetBytes(MessageHtmlPage.Tail(branding, portalUrl));
        return new WrapperTemplate([.. written[..at], .. head], [.. tail, .. written[(at + placeholder.Length)..]]);
    }

    private Multipart BuildBody(EffectiveBranding branding, Uri portalUrl, Stream messageHtml)
    {
        var logoContentId = identifiers.NewContentId();

        var plain = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        plain.SetText("utf-8", WrapperBody.PlainText(branding, portalUrl));

        // The HTML is 7-bit already (non-ASCII as character references, short lines).
        var html = new TextPart("html") { ContentTransferEncoding = ContentEncoding.SevenBit };
        html.SetText("us-ascii", WrapperBody.Html(branding, portalUrl, logoContentId));

        var alternative = new MultipartAlternative { plain, html };
        alternative.Boundary = identifiers.NewBoundary();

        var logo = new MimePart("image", "png")
        {
            Content = new MimeContent(new MemoryStream(branding.LogoPng, writable: false)),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = "logo.png" },
            ContentId = logoContentId,
        };

        // Setting Root puts the alternative first and names its type in the related part's header.
        var related = new MultipartRelated { logo };
        related.Root = alternative;
        related.Boundary = identifiers.NewBoundary();

        var attachment = new MimePart("text", "html")
        {
            Content = new MimeContent(messageHtml, ContentEncoding.SevenBit),
            ContentTransferEncoding = ContentEncoding.SevenBit,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = WrapperMailBuilder.AttachmentFileName },
        };
        attachment.ContentType.Charset = "us-ascii";
        attachment.ContentType.Name = WrapperMailBuilder.AttachmentFileName;

        var mixed = new Multipart("mixed") { related, attachment };
        mixed.Boundary = identifiers.NewBoundary();
        return mixed;
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
