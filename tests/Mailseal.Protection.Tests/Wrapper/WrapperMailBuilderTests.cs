using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Branding;
using Mailseal.Protection.Wrapper;
using MimeKit;

namespace Mailseal.Protection.Tests.Wrapper;

public sealed class WrapperMailBuilderTests
{
    [Fact]
    public async Task WriteAsync_OriginalHeaders_KeepsAddressingHeadersOnlyAndNeverBcc()
    {
        var message = Parse(await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope()));

        var names = message.Headers.Select(h => h.Field).ToArray();
        Assert.Equal(
            [.. WrapperFixtures.KeptHeaderNames, "X-Mailseal-Envelope", "MIME-Version"],
            names);
        Assert.Empty(message.Bcc);
        Assert.Equal("1", message.Headers["X-Mailseal-Envelope"]);
        Assert.Equal("original.1234@example.com", message.MessageId);
        Assert.Equal("Vertrag für das nächste Jahr – bitte prüfen", message.Subject);
        Assert.Equal(["alice@example.org", "bob@example.net"], message.To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public async Task WriteAsync_OriginalHeaders_CopiedByteForByteAsFolded()
    {
        var wrapper = Encoding.ASCII.GetString(await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope()));

        var headerBlock = wrapper[..wrapper.IndexOf("X-Mailseal-Envelope", StringComparison.Ordinal)];
        var expected = string.Concat(
            WrapperFixtures.OriginalHeaderBlock.Split("\r\n")
                .Aggregate(new List<string>(), (headers, line) =>
                {
                    if (line.StartsWith(' ') || line.StartsWith('\t'))
                    {
                        headers[^1] += "\r\n" + line;
                    }
                    else if (line.Length > 0)
                    {
                        headers.Add(line);
                    }

                    return headers;
                })
                .Where(h => WrapperFixtures.KeptHeaderNames.Contains(h[..h.IndexOf(':', StringComparison.Ordinal)]))
                .Select(h => h + "\r\n"));
        Assert.Equal(expected, headerBlock);
        Assert.DoesNotContain("secret-dave", wrapper, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Body_MixedOfRelatedAlternativeLogoAndMessageHtml()
    {
        var message = Parse(await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope()));

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal(2, mixed.Count);

        var related = Assert.IsType<MultipartRelated>(mixed[0]);
        Assert.Equal(2, related.Count);
        var alternative = Assert.IsType<MultipartAlternative>(related[0]);
        var plain = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.Equal("text/plain", plain.ContentType.MimeType);
        Assert.Equal("text/html", html.ContentType.MimeType);
        Assert.Equal(ContentEncoding.QuotedPrintable, plain.ContentTransferEncoding);
        Assert.Equal(ContentEncoding.SevenBit, html.ContentTransferEncoding);

        var logo = Assert.IsType<MimePart>(related[1]);
        Assert.Equal("image/png", logo.ContentType.MimeType);
        Assert.Equal(ContentEncoding.Base64, logo.ContentTransferEncoding);
        Assert.Contains($"src=\"cid:{logo.ContentId}\"", html.Text, StringComparison.Ordinal);

        var attachment = Assert.IsType<TextPart>(mixed[1]);
        Assert.Equal("text/html", attachment.ContentType.MimeType);
        Assert.Equal("us-ascii", attachment.ContentType.Charset);
        Assert.Equal(ContentEncoding.SevenBit, attachment.ContentTransferEncoding);
        Assert.True(attachment.IsAttachment);
        Assert.Equal("message.html", attachment.FileName);
    }

    [Fact]
    public async Task WriteAsync_Texts_IntroInstructionsOpenAddressAndDisclaimerInBothAlternatives()
    {
        var message = Parse(await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope(), "de"));

        foreach (var text in new[] { message.TextBody, CollapseWhiteSpace(message.HtmlBody!) })
        {
            Assert.Contains("Contoso Legal sent you a protected message.", text, StringComparison.Ordinal);
            Assert.Contains("message.html", text, StringComparison.Ordinal);
            Assert.Contains("https://portal.example.org/open", text, StringComparison.Ordinal);
        }

        Assert.Contains("Öffnen Sie zum Lesen den Anhang message.html", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Diese Nachricht ist verschlüsselt", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("&#xD6;ffnen Sie zum Lesen", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ThreeMegabyteEnvelope_AttachmentIsSevenBitShortLinesAndCarriesEnvelopeExactly()
    {
        var envelope = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);

        var wrapper = await WrapperFixtures.BuildWrapperAsync(envelope);

        WrapperFixtures.CrlfLines(wrapper);
        var attachment = MessageHtmlBytes(Parse(wrapper));
        Assert.All(attachment, b => Assert.True(b < 128));
        Assert.All(WrapperFixtures.CrlfLines(attachment), line => Assert.True(line.Length <= 78, line));
        Assert.Equal(envelope, WrapperFixtures.EnvelopeFromMessageHtml(Encoding.ASCII.GetString(attachment)));
    }

    [Fact]
    public async Task WriteAsync_Wrapper_CrlfOnlyAndLinesWithinRfc5322Limit()
    {
        var wrapper = await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope(), "ja");

        Assert.All(WrapperFixtures.CrlfLines(wrapper), line => Assert.True(line.Length <= 78, line));
        Assert.All(wrapper, b => Assert.True(b < 128));
    }

    [Fact]
    public async Task WriteAsync_RandomIdentifiers_DifferBetweenBuilders()
    {
        async Task<string> BuildAsync(WrapperMailBuilder builder)
        {
            using var output = new MemoryStream();
            await builder.WriteAsync(
                new WrapperRequest(WrapperFixtures.OriginalHeaders(), null, "en", WrapperFixtures.PortalUrl, new MemoryStream([1])),
                output);
            return Assert.IsType<Multipart>(Parse(output.ToArray()).Body).Boundary!;
        }

        Assert.NotEqual(await BuildAsync(new WrapperMailBuilder()), await BuildAsync(new WrapperMailBuilder()));
    }

    [Fact]
    public async Task WriteAsync_SameTemplateTwice_ReusesRenderedPartsAndCarriesEachEnvelope()
    {
        var builder = new WrapperMailBuilder();
        var first = await BuildAsync(builder, WrapperFixtures.Branding, [1, 2, 3]);
        var second = await BuildAsync(builder, WrapperFixtures.Branding, [4, 5, 6, 7]);

        Assert.Equal(Assert.IsType<Multipart>(Parse(first).Body).Boundary, Assert.IsType<Multipart>(Parse(second).Body).Boundary);
        Assert.Equal([4, 5, 6, 7], WrapperFixtures.EnvelopeFromMessageHtml(MessageHtmlOf(second)));
    }

    [Fact]
    public async Task WriteAsync_BrandingEditedUnderSameName_RendersTheNewText()
    {
        var builder = new WrapperMailBuilder();
        var before = WrapperFixtures.Branding with { EmailText = "Before the edit." };
        var after = WrapperFixtures.Branding with { EmailText = "After the edit." };
        await BuildAsync(builder, before, [1]);

        var wrapper = await BuildAsync(builder, after, [1]);

        Assert.Contains("After the edit.", MessageHtmlOf(wrapper), StringComparison.Ordinal);
        Assert.DoesNotContain("Before the edit.", Encoding.ASCII.GetString(wrapper), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_EnvelopeWriterFailsBeforeWriting_OutputStaysEmpty()
    {
        var builder = new WrapperMailBuilder();
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => builder.WriteAsync<bool>(
            new WrapperContext(WrapperFixtures.OriginalHeaders(), null, "en", WrapperFixtures.PortalUrl),
            output,
            (_, _) => throw new InvalidOperationException("refused")));

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task WriteAsync_EnvelopeWrittenInOddPieces_SameAsWrittenAtOnce()
    {
        var envelope = RandomNumberGenerator.GetBytes(200_000);
        var builder = new WrapperMailBuilder(new SequentialMimeIdentifierSource());
        using var output = new MemoryStream();

        await builder.WriteAsync(
            new WrapperContext(WrapperFixtures.OriginalHeaders(), WrapperFixtures.Branding, "en", WrapperFixtures.PortalUrl),
            output,
            async (stream, ct) =>
            {
                var sizes = new[] { 1, 2, 56, 57, 58, 113, 4096, 70_000 };
                var offset = 0;
                for (var i = 0; offset < envelope.Length; i++)
                {
                    var size = Math.Min(sizes[i % sizes.Length], envelope.Length - offset);
                    await stream.WriteAsync(envelope.AsMemory(offset, size), ct);
                    offset += size;
                }

                return true;
            });

        Assert.Equal(await WrapperFixtures.BuildWrapperAsync(envelope), output.ToArray());
    }

    private static async Task<byte[]> BuildAsync(WrapperMailBuilder builder, OmeConfiguration branding, byte[] envelope)
    {
        using var output = new MemoryStream();
        await builder.WriteAsync(
            new WrapperRequest(WrapperFixtures.OriginalHeaders(), branding, "en", WrapperFixtures.PortalUrl, new MemoryStream(envelope)),
            output);
        return output.ToArray();
    }

    private static string MessageHtmlOf(byte[] wrapper)
    {
        var attachment = Parse(wrapper).Attachments.OfType<MimePart>().Single();
        using var text = new StreamReader(attachment.Content!.Open(), Encoding.ASCII);
        return text.ReadToEnd();
    }

    internal static string CollapseWhiteSpace(string html) =>
        string.Join(' ', html.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    internal static MimeMessage Parse(byte[] wrapper) => MimeMessage.Load(new MemoryStream(wrapper));

    internal static byte[] MessageHtmlBytes(MimeMessage message)
    {
        var attachment = message.Attachments.OfType<MimePart>().Single(p => p.FileName == "message.html");
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        return content.ToArray();
    }
}
