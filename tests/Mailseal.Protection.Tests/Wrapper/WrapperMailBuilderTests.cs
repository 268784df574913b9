using System.Security.Cryptography;
using System.Text;
using Mailseal.Protection.Wrapper;
using Mailseal.Testing;
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
    public async Task WriteAsync_SpoolStream_DisposedAfterUse()
    {
        var spool = new MemoryStream();
        var builder = new WrapperMailBuilder(() => spool, new SequentialMimeIdentifierSource());
        var request = new WrapperRequest(
            WrapperFixtures.OriginalHeaders(), null, "en", WrapperFixtures.PortalUrl, new MemoryStream([1, 2, 3]));

        await builder.WriteAsync(request, Stream.Null);

        Assert.False(spool.CanRead);
    }

    [Fact]
    public async Task WriteAsync_TemporaryFileSpool_SameOutputAndFileGoneAfterwards()
    {
        using var temp = new TempDirectory();
        var envelope = RandomNumberGenerator.GetBytes(1024 * 1024);
        var builder = new WrapperMailBuilder(
            () => new FileStream(
                temp.Combine(Path.GetRandomFileName()),
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                bufferSize: 64 * 1024,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous),
            new SequentialMimeIdentifierSource());
        using var output = new MemoryStream();

        await builder.WriteAsync(
            new WrapperRequest(WrapperFixtures.OriginalHeaders(), WrapperFixtures.Branding, "en", WrapperFixtures.PortalUrl, new MemoryStream(envelope)),
            output);

        Assert.Equal(await WrapperFixtures.BuildWrapperAsync(envelope), output.ToArray());
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task WriteAsync_RandomIdentifiers_DifferBetweenWrappers()
    {
        var builder = new WrapperMailBuilder(() => new MemoryStream());

        async Task<string> BuildAsync()
        {
            using var output = new MemoryStream();
            await builder.WriteAsync(
                new WrapperRequest(WrapperFixtures.OriginalHeaders(), null, "en", WrapperFixtures.PortalUrl, new MemoryStream([1])),
                output);
            return Assert.IsType<Multipart>(Parse(output.ToArray()).Body).Boundary!;
        }

        Assert.NotEqual(await BuildAsync(), await BuildAsync());
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
