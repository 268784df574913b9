using System.Text;
using Mailseal.Delivery.Smtp;

namespace Mailseal.Delivery.Tests.Smtp;

public sealed class SmtpReplyReaderTests
{
    [Fact]
    public async Task ReadAsync_MultiLineReplyWithEnhancedCodes_ReturnsCodeAndTexts()
    {
        var reader = Reader("550-5.1.1 The mailbox\r\n550-5.1.1 does not\r\n550 5.1.1 exist\r\n250 OK\r\n");

        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(550, first.Code);
        Assert.Equal("5.1.1", first.EnhancedStatusCode);
        Assert.Equal(["The mailbox", "does not", "exist"], first.Lines);
        Assert.Equal("550 5.1.1 The mailbox does not exist", first.ToString());
        Assert.Equal(250, second.Code);
        Assert.Null(second.EnhancedStatusCode);
    }

    [Theory]
    [InlineData("250 2.0.0 Ok\n", 250, "2.0.0")]
    [InlineData("451 4.3.0 busy\r\n", 451, "4.3.0")]
    [InlineData("250 5.0.0 mismatched class is text\r\n", 250, null)]
    [InlineData("354\r\n", 354, null)]
    public async Task ReadAsync_SingleLine_ParsesCodeAndEnhancedCode(string text, int code, string? enhanced)
    {
        var reply = await Reader(text).ReadAsync(CancellationToken.None);

        Assert.Equal(code, reply.Code);
        Assert.Equal(enhanced, reply.EnhancedStatusCode);
    }

    [Theory]
    [InlineData("hello\r\n")]
    [InlineData("2500 too long\r\n")]
    [InlineData("250-first\r\n251 second\r\n")]
    [InlineData("999 out of range\r\n")]
    public async Task ReadAsync_MalformedReply_Throws(string text)
    {
        await Assert.ThrowsAsync<SmtpProtocolException>(() => Reader(text).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_EndlessLine_ThrowsInsteadOfBuffering()
    {
        var reader = Reader("250 " + new string('x', 100_000) + "\r\n");

        await Assert.ThrowsAsync<SmtpProtocolException>(() => reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_ConnectionClosedMidReply_ThrowsIOException()
    {
        await Assert.ThrowsAsync<IOException>(() => Reader("250-first\r\n").ReadAsync(CancellationToken.None));
    }

    private static SmtpReplyReader Reader(string text) => new(new MemoryStream(Encoding.ASCII.GetBytes(text)));
}
