using System.Text;
using Mailseal.Core.Branding;
using Mailseal.Protection;
using Mailseal.Protection.Wrapper;
using MimeKit;
using MimeKit.Utils;

namespace Mailseal.Admin.Page;

/// <summary>
/// The wrapper mail's HTML body and its message.html as a recipient would get them, written by the real
/// <see cref="WrapperMailBuilder"/> around made-up headers and a few made-up envelope bytes: a preview never
/// touches a real message.
/// </summary>
internal sealed class BrandingPreview(WrapperMailBuilder builder, ProtectionOptions protection, TimeProvider time)
{
    // A preview's envelope field holds these bytes: nothing sealed, nothing that a portal would accept.
    private static readonly byte[] PreviewEnvelope = Encoding.ASCII.GetBytes("Mailseal branding preview: not an envelope.");

    /// <summary>The wrapper's HTML body (its logo inlined as a data: URI) and message.html.</summary>
    public async Task<(string WrapperHtml, string MessageHtml)> RenderAsync(OmeConfiguration? template, string language, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await builder.WriteAsync(new WrapperContext(PreviewHeaders(), template, language, protection.PortalUrl), output,
            async (envelope, ct) =>
            {
                await envelope.WriteAsync(PreviewEnvelope, ct);
                return true;
            },
            cancellationToken);
        output.Position = 0;
        using var wrapper = await MimeMessage.LoadAsync(output, cancellationToken);
        var html = InlineImages(wrapper, wrapper.HtmlBody ?? "");
        var page = wrapper.Attachments.OfType<TextPart>().Single(a => a.FileName == WrapperMailBuilder.AttachmentFileName).Text;
        return (html, page);
    }

    private HeaderList PreviewHeaders()
    {
        var headers = new HeaderList
        {
            { HeaderId.From, "Sender <sender@example.invalid>" },
            { HeaderId.To, "Recipient <recipient@example.invalid>" },
            { HeaderId.Subject, "Branding preview" },
        };
        headers.Add(HeaderId.Date, DateUtils.FormatDate(time.GetUtcNow()));
        return headers;
    }

    /// <summary>cid: references become data: URIs, so the preview frame needs nothing but itself.</summary>
    private static string InlineImages(MimeMessage wrapper, string html)
    {
        foreach (var image in wrapper.BodyParts.OfType<MimePart>().Where(p => p.ContentId is { Length: > 0 } && p.ContentType.MediaType == "image"))
        {
            using var bytes = new MemoryStream();
            image.Content?.DecodeTo(bytes);
            var uri = $"data:{image.ContentType.MimeType};base64,{Convert.ToBase64String(bytes.ToArray())}";
            html = html.Replace("cid:" + image.ContentId, uri, StringComparison.Ordinal);
        }

        return html;
    }
}
