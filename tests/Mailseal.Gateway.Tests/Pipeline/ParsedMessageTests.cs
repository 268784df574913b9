using System.Net;
using System.Text;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Pipeline;

namespace Mailseal.Gateway.Tests.Pipeline;

public sealed class ParsedMessageTests
{
    private static MessageTransaction Transaction(long bytes) => new()
    {
        TransactionId = "t1",
        ListenerName = "smtp",
        Protocol = FrontProtocol.Smtp,
        RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 1),
        HeloName = "client.example",
        IsTls = false,
        ReversePath = "a@example.org",
        Recipients = ["b@example.net"],
        MessageBytes = bytes,
    };

    [Fact]
    public void Parse_NoHeaderBlock_StillGivesFacts()
    {
        var bytes = Encoding.ASCII.GetBytes("Hello Ada,\r\n\r\nno headers at all.\r\n");
        using var parsed = ParsedMessage.Parse(Transaction(bytes.Length), new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal("a@example.org", parsed.Facts.Sender);
        Assert.Equal(["b@example.net"], parsed.Facts.Recipients);
    }

    [Fact]
    public void MimeDepth_NestedMultiparts_CountsLevels()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 3; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        }

        text.Append("Content-Type: text/plain\r\n\r\nx\r\n--b2--\r\n--b1--\r\n--b0--\r\n");
        var bytes = Encoding.ASCII.GetBytes("From: a@example.org\r\n" + text);
        using var parsed = ParsedMessage.Parse(Transaction(bytes.Length), new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(3, parsed.MimeDepth);
    }
}
