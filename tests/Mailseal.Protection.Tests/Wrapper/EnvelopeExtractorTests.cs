using System.Security.Cryptography;
using System.Text;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Wrapper;
using MimeKit;

namespace Mailseal.Protection.Tests.Wrapper;

public sealed class EnvelopeExtractorTests
{
    [Fact]
    public async Task OpenAsync_OwnWrapper_DecodesTheFieldFromTheRawBytes()
    {
        var envelope = RandomNumberGenerator.GetBytes(300_000);
        var wrapper = await WrapperFixtures.BuildWrapperAsync(envelope);

        Assert.Equal(envelope, await ExtractAsync(wrapper));
    }

    [Fact]
    public async Task OpenAsync_BareMessageHtml_DecodesTheField()
    {
        var envelope = RandomNumberGenerator.GetBytes(100_000);
        using var html = new MemoryStream();
        await MessageHtmlWriter.WriteAsync(html, EffectiveBranding.Resolve(null, "en"), WrapperFixtures.PortalUrl, new MemoryStream(envelope));

        Assert.Equal(envelope, await ExtractAsync(html.ToArray()));
    }

    [Theory]
    [InlineData(ContentEncoding.Base64)]
    [InlineData(ContentEncoding.QuotedPrintable)]
    public async Task OpenAsync_AttachmentReencodedByMailClient_FallsBackToMimeParse(ContentEncoding encoding)
    {
        var envelope = RandomNumberGenerator.GetBytes(200_000);
        var wrapper = await WrapperFixtures.BuildWrapperAsync(envelope);
        var reencoded = Reencode(wrapper, encoding);
        Assert.Equal(-1, reencoded.AsSpan().IndexOf("name=\"envelope\" value=\""u8));

        Assert.Equal(envelope, await ExtractAsync(reencoded));
    }

    [Theory]
    [InlineData("")]
    [InlineData("From: a@example.org\r\nSubject: no envelope here\r\n\r\nJust text.\r\n")]
    [InlineData("<html><body><p>no field</p></body></html>")]
    [InlineData("<input name=\"envelope\" value=\"QUJD")]
    [InlineData("<input name=\"envelope\" value=\"QUJD<script>\">")]
    [InlineData("<input name=\"envelope\" value=\"QUJ\">")]
    public async Task OpenAsync_NotAnEnvelopeField_UniformError(string input)
    {
        await Assert.ThrowsAsync<EnvelopeInvalidException>(() => ExtractAsync(Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public async Task OpenAsync_FieldWithLineBreaksAndSpaces_IgnoresThem()
    {
        var html = "<input name=\"envelope\" value=\"QU\r\nJD \t RE\nVG\">"u8.ToArray();

        Assert.Equal("ABCDEF"u8.ToArray(), await ExtractAsync(html));
    }

    private static async Task<byte[]> ExtractAsync(byte[] input)
    {
        using var output = new MemoryStream();
        await using (var envelope = await EnvelopeExtractor.OpenAsync(new MemoryStream(input, writable: false)))
        {
            await envelope.CopyToAsync(output);
        }

        return output.ToArray();
    }

    private static byte[] Reencode(byte[] wrapper, ContentEncoding encoding)
    {
        var message = MimeMessage.Load(new MemoryStream(wrapper));
        var attachment = message.Attachments.OfType<MimePart>().Single();
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        attachment.Content = new MimeContent(new MemoryStream(content.ToArray()));
        attachment.ContentTransferEncoding = encoding;
        using var output = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, output);
        return output.ToArray();
    }
}
