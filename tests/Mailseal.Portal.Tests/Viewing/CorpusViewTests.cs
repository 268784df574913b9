using Mailseal.Testing.Corpus;
using MimeKit;

namespace Mailseal.Portal.Tests.Viewing;

public sealed class CorpusViewTests
{
    // MimeKit refuses these two outright (tests/TestData/README.md); the portal never gets them as messages.
    private static readonly HashSet<string> Unparsable = ["malformed-empty-file-001.eml", "malformed-no-header-block-001.eml"];

    [Theory]
    [MemberData(nameof(TestCorpus.Files), MemberType = typeof(TestCorpus))]
    public void Build_CorpusMessage_ShowsItAndEveryListedAttachmentIsFound(string fileName)
    {
        if (Unparsable.Contains(fileName))
        {
            Assert.Throws<FormatException>(() => MimeMessage.Load(TestCorpus.PathOf(fileName)));
            return;
        }

        using var message = MimeMessage.Load(TestCorpus.PathOf(fileName));
        var builder = ViewMessages.Builder();

        var view = builder.Build(message);

        Assert.StartsWith("<!DOCTYPE html>", view.BodyDocument, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", view.BodyDocument, StringComparison.OrdinalIgnoreCase);
        foreach (var attachment in Flatten(view).SelectMany(v => v.Attachments))
        {
            Assert.NotNull(builder.FindAttachment(message, attachment.Id));
            Assert.NotEmpty(attachment.FileName);
        }
    }

    private static IEnumerable<Mailseal.Portal.Viewing.MessageView> Flatten(Mailseal.Portal.Viewing.MessageView view) =>
        view.NestedMessages.SelectMany(Flatten).Prepend(view);
}
