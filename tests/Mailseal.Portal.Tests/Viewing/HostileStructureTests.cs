using System.Text;
using MimeKit;

namespace Mailseal.Portal.Tests.Viewing;

public sealed class HostileStructureTests
{
    [Fact]
    public void Build_NestingDeeperThanLimit_StopsThereAndSaysSo()
    {
        MimeEntity entity = ViewMessages.Text("deepest");
        for (var i = 0; i < 150; i++)
        {
            entity = new Multipart("mixed") { entity };
        }

        var view = ViewMessages.Builder().Build(ViewMessages.With(entity));

        Assert.True(view.PartsOmitted);
        Assert.DoesNotContain("deepest", view.BodyDocument, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OneThousandAttachments_ListsEachWithItsOwnId()
    {
        var mixed = new Multipart("mixed") { ViewMessages.Text("many") };
        for (var i = 0; i < 1000; i++)
        {
            mixed.Add(ViewMessages.File("application", "octet-stream", $"f{i}.bin", [(byte)i]));
        }

        var builder = ViewMessages.Builder();
        var message = ViewMessages.With(mixed);
        var view = builder.Build(message);

        Assert.Equal(1000, view.Attachments.Select(a => a.Id).Distinct().Count());
        Assert.Equal("f999.bin", builder.FindAttachment(message, "1001")!.FileName);
    }

    [Fact]
    public void Build_MorePartsThanLimit_ListsUpToLimitAndSaysSo()
    {
        var mixed = new Multipart("mixed");
        for (var i = 0; i < 50; i++)
        {
            mixed.Add(ViewMessages.File("application", "octet-stream", $"f{i}.bin", [1]));
        }

        var view = ViewMessages.Builder(o => o.MaxParts = 10).Build(ViewMessages.With(mixed));

        Assert.Equal(9, view.Attachments.Count);
        Assert.True(view.PartsOmitted);
    }

    [Fact]
    public void Build_HugeHeaders_CappedAndCounted()
    {
        var message = ViewMessages.With(ViewMessages.Text("x"), m =>
        {
            m.Subject = new string('s', 1_000_000);
            for (var i = 0; i < 2000; i++)
            {
                m.To.Add(new MailboxAddress($"Person {i}", $"p{i}@example.net"));
            }
        });

        var headers = ViewMessages.Builder().Build(message).Headers;

        Assert.Equal(1000, headers.Subject.Length);
        Assert.Equal(500, headers.To.Count);
        Assert.Equal(1501, headers.MoreRecipients);
    }

    [Fact]
    public void Build_BodyOverCharacterCap_CutOffAndSaysSo()
    {
        var view = ViewMessages.Builder(o => o.MaxBodyCharacters = 100).Build(ViewMessages.With(ViewMessages.Text(new string('a', 500))));

        Assert.Contains(new string('a', 100), view.BodyDocument, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 101), view.BodyDocument, StringComparison.Ordinal);
        Assert.True(view.PartsOmitted);
    }

    [Fact]
    public void Build_BrokenCharsetBase64AndBoundary_ShowsWhatCanBeRead()
    {
        var raw = "From: a@example.org\r\nTo: b@example.net\r\nSubject: =?x-unknown?B?!!!?=\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=x-no-such-charset\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nPGI+SGVsbG88L2I+@@@!!!==PGk+\r\n--b\r\nContent-Type: image/png\r\nContent-ID: <i@x>\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n%%%%\r\n--b\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\n\xff\xfe bad utf-8\r\n";
        var message = MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(raw)));

        var view = ViewMessages.Builder().Build(message);

        Assert.Contains("<b>Hello</b>", view.BodyDocument, StringComparison.Ordinal);
        Assert.Contains("bad utf-8", view.BodyDocument, StringComparison.Ordinal);
    }
}
