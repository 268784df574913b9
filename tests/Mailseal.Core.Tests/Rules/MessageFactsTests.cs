using Mailseal.Core.Rules;
using Mailseal.Testing.Corpus;
using MimeKit;

namespace Mailseal.Core.Tests.Rules;

public sealed class MessageFactsTests
{
    [Fact]
    public void From_NoFromHeader_SenderIsTheEnvelopeSender()
    {
        var message = new MimeMessage { Body = new TextPart("plain") { Text = "x" } };

        var facts = MessageFacts.From(message, "bounce@contoso.com", ["a@b.com"], 10);

        Assert.Equal("bounce@contoso.com", facts.Sender);
        Assert.Equal("bounce@contoso.com", facts.EnvelopeSender);
    }

    [Fact]
    public void From_HtmlBody_TextWithoutTagsAndEntitiesDecoded()
    {
        var message = new MimeMessage { Body = new TextPart("html") { Text = "<p>Salary&nbsp;<b>figures</b> &amp; bonus</p>" } };

        var facts = MessageFacts.From(message, "a@b.com", ["c@d.com"], 10);

        Assert.DoesNotContain("<", facts.BodyText, StringComparison.Ordinal);
        Assert.True(TextMatcher.Word("salary figures", TimeSpan.FromSeconds(1)).Match(facts.BodyText).Matched);
        Assert.Contains("& bonus", facts.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void From_CorpusAttachment_NameAndDecodedSize()
    {
        var message = MimeMessage.Load(TestCorpus.PathOf("mixed-001-pdf-attachment.eml"));
        var part = message.Attachments.OfType<MimePart>().Single();
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded);

        var facts = MessageFacts.From(message, "", ["c@d.com"], 10);

        var attachment = Assert.Single(facts.Attachments);
        Assert.Equal(part.FileName, attachment.FileName);
        Assert.Equal(decoded.Length, attachment.Size);
        Assert.Equal("pdf", attachment.Extension);
    }

    [Theory]
    [InlineData("SGVsbG8sIEJvYiE=\r\n")]
    [InlineData("SGVsbG8sIEJvYiE=\r\nQQ==\r\n")]
    [InlineData("SGVsbG8s*IEJvYiE\r\n")]
    public void From_Base64AttachmentWellFormedOrNot_SizeIsWhatADecoderReads(string encoded)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(
            "From: a@b.com\r\nTo: c@d.com\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
            + "--b\r\nContent-Type: application/octet-stream; name=x.bin\r\nContent-Disposition: attachment; filename=x.bin\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "--b--\r\n")));
        var part = message.Attachments.OfType<MimePart>().Single();
        using var decoded = new MemoryStream();
        part.Content!.DecodeTo(decoded);

        var facts = MessageFacts.From(message, "", ["c@d.com"], 10);

        Assert.Equal(decoded.Length, Assert.Single(facts.Attachments).Size);
    }

    [Fact]
    public void From_ForwardedMessage_IsAnAttachmentNotBody()
    {
        var message = MimeMessage.Load(TestCorpus.PathOf("nested-rfc822-002-forward.eml"));

        var facts = MessageFacts.From(message, "", ["c@d.com"], 10);

        Assert.Contains(facts.Attachments, a => a.Size > 0);
    }

    [Fact]
    public void From_RecipientsWithDuplicatesAndBlanks_KeptOnceInOrder()
    {
        var message = new MimeMessage { Body = new TextPart("plain") { Text = "x" } };

        var facts = MessageFacts.From(message, "", ["b@x.com", " ", "A@x.com", "B@X.COM"], 1);

        Assert.Equal(["b@x.com", "A@x.com"], facts.Recipients);
    }
}
