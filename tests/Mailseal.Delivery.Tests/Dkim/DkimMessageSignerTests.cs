using System.Text;
using Mailseal.Delivery.Tests.Infrastructure;
using Mailseal.Testing.Corpus;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Mailseal.Delivery.Tests.Dkim;

public sealed class DkimMessageSignerTests(DkimTestContext context) : IClassFixture<DkimTestContext>
{
    [Fact]
    public async Task SignAsync_WrapperLikeMessage_VerifiesAndKeepsTheBytes()
    {
        await context.EnsureKeyAsync("example.com", 2048);
        var original = WrapperLikeMessage();

        var (signature, rest) = await context.SignAsync(original);

        Assert.Equal(original, rest);
        Assert.StartsWith("DKIM-Signature:", signature, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", signature, StringComparison.Ordinal);
        var compact = string.Concat(signature.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("a=rsa-sha256", compact, StringComparison.Ordinal);
        Assert.Contains("c=relaxed/simple", compact, StringComparison.Ordinal);
        Assert.Contains("d=example.com", compact, StringComparison.Ordinal);
        Assert.Contains("s=test", compact, StringComparison.Ordinal);
        Assert.Contains("h=From:", compact, StringComparison.OrdinalIgnoreCase);
        Assert.True(await context.VerifyWithMimeKitAsync([.. Encoding.ASCII.GetBytes(signature), .. rest]));
    }

    [Fact]
    public async Task SignAsync_BodyTamperedAfterSigning_FailsVerification()
    {
        await context.EnsureKeyAsync("example.com");
        var (signature, rest) = await context.SignAsync(WrapperLikeMessage());
        var signed = Encoding.ASCII.GetBytes(signature).Concat(rest).ToArray();
        var index = Encoding.ASCII.GetString(signed).IndexOf("Your message", StringComparison.Ordinal);
        signed[index] = (byte)'y';

        Assert.False(await context.VerifyWithMimeKitAsync(signed));
    }

    [Fact]
    public async Task SignAsync_DomainWithoutKey_ReturnsTheMessageUnsignedAndWarnsOnce()
    {
        var content = Encoding.ASCII.GetBytes("From: someone@nokey.example\r\nTo: bob@example.net\r\nSubject: hi\r\n\r\nbody\r\n");
        var first = new OutboundMessage("someone@nokey.example", ["bob@example.net"], new MemoryStream(content));
        var second = first with { Content = new MemoryStream(content) };

        var signedFirst = await context.Signer.SignAsync(first, CancellationToken.None);
        var signedSecond = await context.Signer.SignAsync(second, CancellationToken.None);

        Assert.Same(first, signedFirst);
        Assert.Same(second, signedSecond);
        Assert.Equal(0, first.Content.Position);
        Assert.Single(context.SigningLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("nokey.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignAsync_NonSeekableStream_Throws()
    {
        var message = new OutboundMessage("a@example.com", ["b@example.net"], new FailingStream([]));

        await Assert.ThrowsAsync<ArgumentException>(() => context.Signer.SignAsync(message, CancellationToken.None));
    }

    /// <summary>Corpus messages that SMTP carries and that have a From field (those without a header block do not).</summary>
    public static TheoryData<string> ParseableFiles => [.. TestCorpus.FileNames.Where(name => TestCorpus.IsSmtpCarriable(name) && HasFrom(name))];

    [Fact]
    public async Task SignAsync_MessageWithoutFromField_ReturnsItUnsigned()
    {
        var unparseable = TestCorpus.FileNames.Where(name => TestCorpus.IsSmtpCarriable(name) && !HasFrom(name)).ToList();
        Assert.NotEmpty(unparseable);
        foreach (var name in unparseable)
        {
            var message = new OutboundMessage("alice@example.com", ["bob@example.net"], new MemoryStream(TestCorpus.ReadAllBytes(name)));
            Assert.Same(message, await context.Signer.SignAsync(message, CancellationToken.None));
        }
    }

    [Theory]
    [MemberData(nameof(ParseableFiles))]
    public async Task SignAsync_CorpusMessage_Verifies(string fileName)
    {
        var original = TestCorpus.ReadAllBytes(fileName);
        using var parsed = MimeMessage.Load(new MemoryStream(original));
        var domain = parsed.From.Mailboxes.FirstOrDefault()?.Domain is { Length: > 0 } from ? from : "example.com";
        await context.EnsureKeyAsync(domain);

        var (signature, rest) = await context.SignAsync(original);

        Assert.Equal(original, rest);
        Assert.True(await context.VerifyWithMimeKitAsync([.. Encoding.ASCII.GetBytes(signature), .. rest]), signature);
    }

    /// <summary>Whether the header block, read as the signer reads it, has a From field (an mbox "From " line is no header).</summary>
    private static bool HasFrom(string fileName)
    {
        try
        {
            return new MimeParser(new MemoryStream(TestCorpus.ReadAllBytes(fileName)), MimeFormat.Entity).ParseHeaders().Contains(HeaderId.From);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] WrapperLikeMessage()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Alice", "alice@example.com"));
        message.To.Add(new MailboxAddress("Bob", "bob@example.net"));
        message.Cc.Add(new MailboxAddress("Carol", "carol@example.org"));
        message.Subject = "Encrypted: quarterly figures";
        message.Date = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        message.MessageId = "wrapper-1@example.com";
        message.InReplyTo = "earlier@example.net";
        var body = new BodyBuilder
        {
            TextBody = "Your message is encrypted. Open message.html to read it.\n",
            HtmlBody = "<p>Your message is encrypted. Open <b>message.html</b> to read it.</p>\n",
        };
        body.Attachments.Add("message.html", Encoding.UTF8.GetBytes("<html><form method=\"post\"><input type=\"hidden\" name=\"e\" value=\"QUJD\"></form></html>"),
            new ContentType("text", "html"));
        message.Body = body.ToMessageBody();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(options, output);
        return output.ToArray();
    }
}
