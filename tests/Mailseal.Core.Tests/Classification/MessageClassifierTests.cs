using Mailseal.Core.Classification;
using Mailseal.Testing.Corpus;
using MimeKit;

namespace Mailseal.Core.Tests.Classification;

public sealed class MessageClassifierTests
{
    [Theory]
    [InlineData("text-only-001.eml", MessageClass.Ordinary)]
    [InlineData("mixed-001-pdf-attachment.eml", MessageClass.Ordinary)]
    [InlineData("nested-rfc822-001-forward.eml", MessageClass.Ordinary)]
    [InlineData("thread-001-reply.eml", MessageClass.Ordinary)]
    [InlineData("smime-004-compressed-data.eml", MessageClass.Ordinary)]
    [InlineData("calendar-001-request.eml", MessageClass.Calendaring)]
    [InlineData("calendar-003-cancel.eml", MessageClass.Calendaring)]
    [InlineData("calendar-004-reply.eml", MessageClass.Calendaring)]
    [InlineData("mdn-001-read-receipt.eml", MessageClass.ReadReceipt)]
    [InlineData("mdn-003-read-receipt.eml", MessageClass.ReadReceipt)]
    [InlineData("dsn-001-failed.eml", MessageClass.DeliveryReport)]
    [InlineData("dsn-003-delivered.eml", MessageClass.DeliveryReport)]
    [InlineData("autoreply-001.eml", MessageClass.AutoReply)]
    [InlineData("autoreply-004.eml", MessageClass.AutoReply)]
    [InlineData("smime-001-enveloped-data.eml", MessageClass.Encrypted)]
    [InlineData("smime-003-authenveloped-data.eml", MessageClass.Encrypted)]
    [InlineData("smime-006-x-pkcs7-mime.eml", MessageClass.Encrypted)]
    [InlineData("pgp-001-encrypted.eml", MessageClass.Encrypted)]
    [InlineData("pgp-005-inline-encrypted.eml", MessageClass.Encrypted)]
    [InlineData("signed-001.eml", MessageClass.Ordinary)]
    [InlineData("smime-002-signed-data.eml", MessageClass.Ordinary)]
    public void Classify_CorpusMessage_HasItsClass(string file, MessageClass expected)
    {
        Assert.Equal(expected, Classify(file).Class);
    }

    [Theory]
    [InlineData("signed-001.eml")]
    [InlineData("signed-005.eml")]
    [InlineData("smime-002-signed-data.eml")]
    [InlineData("smime-005-detached-signature.eml")]
    [InlineData("pgp-004-inline-clearsigned.eml")]
    public void Classify_SignedCorpusMessage_HasTypeSigned(string file)
    {
        Assert.True(Classify(file).Has(MessageType.Signed));
    }

    [Fact]
    public void Classify_OrdinaryCorpusMessages_HaveNoTypes()
    {
        var ordinary = TestCorpus.FileNames.Where(f => f.StartsWith("text-only-", StringComparison.Ordinal)
            || f.StartsWith("mixed-", StringComparison.Ordinal) || f.StartsWith("alt-", StringComparison.Ordinal));

        Assert.All(ordinary, file => Assert.Equal(MessageClassification(file), (MessageClass.Ordinary, 0)));
    }

    [Theory]
    [InlineData("Content-Class", "voice-uc", MessageClass.Voicemail, MessageType.Voicemail)]
    [InlineData("Content-Class", "rpmsg.message", MessageClass.PermissionControlled, MessageType.PermissionControlled)]
    [InlineData("X-MS-Exchange-Organization-Approval-Requested", "true", MessageClass.ApprovalRequest, MessageType.ApprovalRequest)]
    [InlineData("Auto-Submitted", "auto-forwarded", MessageClass.AutoForward, MessageType.AutoForward)]
    [InlineData("Precedence", "auto_reply", MessageClass.AutoReply, MessageType.OOF)]
    [InlineData("X-Mailseal-Envelope", "1", MessageClass.Encrypted, MessageType.Encrypted)]
    public void Classify_MarkingHeader_GivesClassAndType(string header, string value, MessageClass expectedClass, MessageType expectedType)
    {
        var message = new MimeMessage { Body = new TextPart("plain") { Text = "hello" } };
        message.Headers.Add(header, value);

        var classification = MessageClassifier.Classify(message);

        Assert.Equal(expectedClass, classification.Class);
        Assert.True(classification.Has(expectedType));
    }

    [Fact]
    public void Classify_AutoSubmittedNo_IsOrdinary()
    {
        var message = new MimeMessage { Body = new TextPart("plain") { Text = "hello" } };
        message.Headers.Add("Auto-Submitted", "no");

        Assert.True(MessageClassifier.Classify(message).IsOrdinary);
    }

    private static (MessageClass, int) MessageClassification(string file)
    {
        var classification = Classify(file);
        return (classification.Class, classification.Types.Count);
    }

    private static MessageClassification Classify(string file) =>
        MessageClassifier.Classify(MimeMessage.Load(TestCorpus.PathOf(file)));
}
