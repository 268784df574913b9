using Mailseal.Delivery;
using Mailseal.Portal.Mail;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Wrapper;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Mailseal.Portal.PassCodes;

/// <summary>
/// Writes the code mail: the envelope's branding (logo, EmailText, DisclaimerText), the code and the reference,
/// in the portal's language, as text and HTML alternatives, from the service address. Signing is the sender's.
/// </summary>
internal sealed class PassCodeMailComposer(
    BrandingTemplateCache templates, IOptions<PortalMailOptions> mailOptions, IOptions<PassCodeOptions> passCodeOptions, TimeProvider time)
{
    private const string LogoContentId = "logo@mailseal";

    public async Task<OutboundMessage> ComposeAsync(PassCodeMailJob job, CancellationToken cancellationToken)
    {
        var template = await templates.FindAsync(job.License.BrandingTemplate, cancellationToken);
        var branding = EffectiveBranding.Resolve(template, job.Culture.Name);
        var texts = PassCodeMailTexts.For(job.Culture);
        var options = mailOptions.Value;
        var serviceAddress = options.ServiceAddress!;
        var message = new MimeMessage
        {
            Subject = texts.SubjectFor(job.Reference),
            Date = time.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(serviceAddress[(serviceAddress.LastIndexOf('@') + 1)..]),
        };
        message.From.Add(new MailboxAddress(options.ServiceDisplayName ?? "", serviceAddress));
        message.To.Add(MailboxAddress.Parse(job.Address));
        // RFC 3834: an automatic mail, which nobody should auto-reply to.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var lifetime = passCodeOptions.Value.CodeLifetime;
        var body = new BodyBuilder { TextBody = PlainText(branding, texts, job, lifetime) };
        var logo = body.LinkedResources.Add("logo.png", branding.LogoPng, new ContentType("image", "png"));
        logo.ContentId = LogoContentId;
        body.HtmlBody = Html(branding, texts, job, lifetime);
        message.Body = body.ToMessageBody();
        // A Content-* field belongs to the body entity, not the message header.
        message.Body.Headers.Add(HeaderId.ContentLanguage, job.Culture.Name.Length > 0 ? job.Culture.Name : "en");

        var content = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, content, cancellationToken);
        content.Position = 0;
        return new OutboundMessage(serviceAddress, [job.Address], content);
    }

    private static string PlainText(EffectiveBranding branding, PassCodeMailTexts texts, PassCodeMailJob job, TimeSpan lifetime) =>
        string.Join("\r\n\r\n",
            PlainTextLines.Clean(texts.Heading),
            PlainTextLines.Clean(branding.EmailText),
            PlainTextLines.Clean(texts.Intro),
            "    " + job.Code,
            PlainTextLines.Clean(texts.ReferenceFor(job.Reference)),
            PlainTextLines.Clean(texts.ValidityFor(lifetime)),
            PlainTextLines.Clean(texts.NotRequested),
            "-- \r\n" + PlainTextLines.Clean(branding.DisclaimerText)) + "\r\n";

    private static string Html(EffectiveBranding branding, PassCodeMailTexts texts, PassCodeMailJob job, TimeSpan lifetime)
    {
        var html = BrandedHtmlFrame.Begin(branding, LogoContentId)
            .Markup("<h1 style=\"font-size:20px;line-height:1.3;margin:0 0 12px\">").Text(texts.Heading).MarkupLine("</h1>")
            .Markup("<p style=\"margin:0 0 12px\">").Text(branding.EmailText).MarkupLine("</p>")
            .Markup("<p style=\"margin:0 0 12px\">").Text(texts.Intro).MarkupLine("</p>")
            .MarkupLine("<p style=\"margin:0 0 12px;font-size:28px;letter-spacing:4px;")
            .Markup("font-family:Consolas,Menlo,monospace\"><strong>").Text(job.Code).MarkupLine("</strong></p>")
            .Markup("<p style=\"margin:0 0 12px\">").Text(texts.ReferenceFor(job.Reference)).MarkupLine("</p>")
            .Markup("<p style=\"margin:0 0 12px\">").Text(texts.ValidityFor(lifetime)).MarkupLine("</p>")
            .Markup("<p style=\"margin:0 0 12px;font-size:13px;color:#4a5563\">").Text(texts.NotRequested).MarkupLine("</p>");
        return BrandedHtmlFrame.End(html, branding, footer: null);
    }
}
