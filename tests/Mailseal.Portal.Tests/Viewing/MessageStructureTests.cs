using MimeKit;

namespace Mailseal.Portal.Tests.Viewing;

public sealed class MessageStructureTests
{
    [Fact]
    public void Build_AlternativeWithRelatedHtml_ShowsHtmlInlinesImageAndListsOnlyRealAttachment()
    {
        var pdf = "%PDF-1.4 test"u8.ToArray();
        var body = new Multipart("mixed")
        {
            new MultipartAlternative
            {
                ViewMessages.Text("Plain version"),
                ViewMessages.Related("<p>HTML version</p><img src=\"cid:logo%40example.org\">", ViewMessages.Image("logo@example.org")),
            },
            ViewMessages.File("application", "pdf", "report.pdf", pdf),
        };

        var view = ViewMessages.Builder().Build(ViewMessages.With(body));

        Assert.Contains("HTML version", view.BodyDocument, StringComparison.Ordinal);
        Assert.DoesNotContain("Plain version", view.BodyDocument, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", view.BodyDocument, StringComparison.Ordinal);
        var attachment = Assert.Single(view.Attachments);
        Assert.Equal(new Mailseal.Portal.Viewing.AttachmentView("2", "report.pdf", "application/pdf", pdf.Length), attachment);
        Assert.False(view.PartsOmitted);
    }

    [Fact]
    public void Build_InlineImageAlsoNamedAttachment_IsShownAndListed()
    {
        var body = ViewMessages.Related("<img src=\"cid:chart@x\">", ViewMessages.Image("chart@x", fileName: "chart.png", attachment: true));

        var view = ViewMessages.Builder().Build(ViewMessages.With(body));

        Assert.Contains("data:image/png;base64,", view.BodyDocument, StringComparison.Ordinal);
        Assert.Equal("chart.png", Assert.Single(view.Attachments).FileName);
    }

    [Fact]
    public void Build_ImageOverCap_NotInlinedButListedAndSaysSo()
    {
        var body = ViewMessages.Related("<img src=\"cid:big@x\">", ViewMessages.Image("big@x", new byte[5000]));

        var view = ViewMessages.Builder(o => o.MaxInlineImageBytes = 4000).Build(ViewMessages.With(body));

        Assert.DoesNotContain("data:image", view.BodyDocument, StringComparison.Ordinal);
        Assert.Equal(5000, Assert.Single(view.Attachments).Size);
        Assert.True(view.PartsOmitted);
    }

    [Fact]
    public void Build_NestedMessage_ShownWithItsOwnHeadersAndAttachmentsFoundById()
    {
        var inner = ViewMessages.With(
            new Multipart("mixed") { ViewMessages.Text("Inner text"), ViewMessages.File("application", "pdf", "inner.pdf", "%PDF inner"u8.ToArray()) },
            m => m.Subject = "Forwarded one");
        var message = ViewMessages.With(new Multipart("mixed") { ViewMessages.Text("Outer text"), new MessagePart { Message = inner } });
        var builder = ViewMessages.Builder();

        var view = builder.Build(message);

        Assert.Contains("Outer text", view.BodyDocument, StringComparison.Ordinal);
        Assert.DoesNotContain("Inner text", view.BodyDocument, StringComparison.Ordinal);
        Assert.Empty(view.Attachments);
        var nested = Assert.Single(view.NestedMessages);
        Assert.Equal("2", nested.PartId);
        Assert.Equal("Forwarded one", nested.Headers.Subject);
        Assert.Contains("Inner text", nested.BodyDocument, StringComparison.Ordinal);
        var attachment = Assert.Single(nested.Attachments);
        Assert.Equal("2.2", attachment.Id);
        Assert.Equal("%PDF inner"u8.ToArray(), ViewMessages.Decoded(builder.FindAttachment(message, attachment.Id)!));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2.1")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("../2")]
    [InlineData("2..2")]
    [InlineData("")]
    [InlineData("01")]
    public void FindAttachment_IdOfBodyOrNoPart_ReturnsNull(string id)
    {
        var inner = ViewMessages.With(new Multipart("mixed") { ViewMessages.Text("Inner"), ViewMessages.File("application", "pdf", "a.pdf", [1]) });
        var message = ViewMessages.With(new Multipart("mixed") { ViewMessages.Text("Outer"), new MessagePart { Message = inner } });

        Assert.Null(ViewMessages.Builder().FindAttachment(message, id));
    }

    [Fact]
    public void FindAttachment_SameBytesParsedTwice_SameIdsSameParts()
    {
        var message = ViewMessages.With(new Multipart("mixed")
        {
            ViewMessages.Text("x"),
            ViewMessages.File("application", "pdf", "a.pdf", [1, 2]),
            ViewMessages.File("application", "zip", "b.zip", [3]),
        });
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var builder = ViewMessages.Builder();

        var first = builder.Build(MimeMessage.Load(new MemoryStream(bytes.ToArray())));
        var again = MimeMessage.Load(new MemoryStream(bytes.ToArray()));

        Assert.Equal(["2", "3"], first.Attachments.Select(a => a.Id));
        Assert.Equal([3], ViewMessages.Decoded(builder.FindAttachment(again, "3")!));
    }

    [Theory]
    [InlineData("../../etc/passwd", "application/pdf", "passwd")]
    [InlineData("C:\\Users\\x\\evil.exe", "application/octet-stream", "evil.exe")]
    [InlineData("a\u0000b\r\nc\u202E.pdf", "application/pdf", "a b c.pdf")]
    [InlineData("quote\"d<name>.txt", "text/plain", "quote_d_name_.txt")]
    [InlineData(null, "application/pdf", "attachment.pdf")]
    [InlineData("...", "text/plain", "attachment.txt")]
    public void Build_AttachmentName_SafeForContentDisposition(string? fileName, string mediaType, string expected)
    {
        var type = ContentType.Parse(mediaType);
        var message = ViewMessages.With(new Multipart("mixed") { ViewMessages.Text("x"), ViewMessages.File(type.MediaType, type.MediaSubtype, fileName, [1]) });

        Assert.Equal(expected, Assert.Single(ViewMessages.Builder().Build(message).Attachments).FileName);
    }

    [Fact]
    public void Build_FlowedText_JoinsSoftBrokenLines()
    {
        var text = new TextPart("plain") { Text = "This line is \r\nsoft broken.\r\nHard break.\r\n" };
        text.ContentType.Format = "flowed";

        var view = ViewMessages.Builder().Build(ViewMessages.With(text));

        Assert.Contains("This line is soft broken.", view.BodyDocument, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoBody_GivesCompleteEmptyDocument()
    {
        var view = ViewMessages.Builder().Build(ViewMessages.With(null));

        Assert.StartsWith("<!DOCTYPE html>", view.BodyDocument, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", view.BodyDocument, StringComparison.Ordinal);
        Assert.Empty(view.Attachments);
    }
}
