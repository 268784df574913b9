using System.Text;
using Mailseal.Protection.Branding;
using MimeKit;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// Writes the wrapper message that replaces a sealed original: the original's addressing headers, a branded
/// body that explains what to do, and message.html carrying the envelope. message.html is first written to
/// a spool stream so that a large envelope is streamed, never held in memory whole.
/// </summary>
public sealed class WrapperMailBuilder
{
    /// <summary>The header that marks a wrapper. A hint for mail clients only: it proves nothing.</summary>
    public const string MarkHeader = "X-Mailseal-Envelope";

    /// <summary>The attachment's file name.</summary>
    public const string AttachmentFileName = "message.html";

    private static readonly FormatOptions Format = CreateFormat();

    private readonly Func<Stream> spoolFactory;
    private readonly IMimeIdentifierSource identifiers;

    /// <param name="spoolFactory">
    /// Gives a fresh readable, writable, seekable stream for message.html on each call, e.g. a temporary file
    /// opened with <see cref="FileOptions.DeleteOnClose"/>. The builder disposes it.
    /// </param>
    /// <param name="identifiers">Boundaries and Content-IDs; random unless a test needs them fixed.</param>
    public WrapperMailBuilder(Func<Stream> spoolFactory, IMimeIdentifierSource? identifiers = null)
    {
        ArgumentNullException.ThrowIfNull(spoolFactory);
        this.spoolFactory = spoolFactory;
        this.identifiers = identifiers ?? RandomMimeIdentifierSource.Instance;
    }

    /// <summary>Writes the wrapper message (RFC 5322, CRLF line endings) to <paramref name="output"/>.</summary>
    public async Task WriteAsync(WrapperRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var branding = EffectiveBranding.Resolve(request.Branding, request.Language);

        await using var spool = spoolFactory();
        if (!spool.CanRead || !spool.CanWrite || !spool.CanSeek)
        {
            throw new InvalidOperationException("The spool stream for message.html must be readable, writable and seekable.");
        }

        await MessageHtmlWriter.WriteAsync(spool, branding, request.PortalUrl, request.Envelope, cancellationToken);
        spool.Position = 0;

        // MimeKit passes 7-bit content through a line-ending filter that looks at every byte; message.html
        // has CRLF line endings already, so the wrapper is written around a placeholder and the spool is
        // copied in its place as it is.
        var placeholder = Encoding.ASCII.GetBytes($"mailseal-message-html-{Guid.NewGuid():N}");
        var body = BuildBody(branding, request.PortalUrl, new MemoryStream(placeholder, writable: false));
        using var mail = new MemoryStream();
        WrapperHeaders.WriteKept(request.OriginalHeaders, mail);
        mail.Write(Encoding.ASCII.GetBytes($"{MarkHeader}: 1\r\nMIME-Version: 1.0\r\n"));
        await body.WriteToAsync(Format, mail, cancellationToken);
        var written = mail.GetBuffer().AsMemory(0, (int)mail.Length);
        var at = written.Span.IndexOf(placeholder);
        if (at < 0)
        {
            throw new InvalidOperationException("The wrapper lost the placeholder of message.html.");
        }

        await output.WriteAsync(written[..at], cancellationToken);
        await spool.CopyToAsync(output, cancellationToken);
        await output.WriteAsync(written[(at + placeholder.Length)..], cancellationToken);
        await output.FlushAsync(cancellationToken);
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
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = AttachmentFileName },
        };
        attachment.ContentType.Charset = "us-ascii";
        attachment.ContentType.Name = AttachmentFileName;

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
