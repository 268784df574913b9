using System.Text;
using Mailseal.Testing.Corpus;

namespace Mailseal.Core.Tests.Corpus;

public class RelaySafetyTests
{
    private const string Complete = "From: a@example.com\r\nDate: Mon, 02 Mar 2026 09:15:00 +0100\r\nMessage-ID: <1@example.com>\r\n";

    [Theory]
    [InlineData(Complete + "\r\nbody\r\n")]
    [InlineData(Complete + "Subject: folded\r\n\tcontinued\r\n\r\n")]
    [InlineData("X-First: 1\r\n" + Complete + "\r\n")]
    public void IsRelaySafe_CompleteHeaderBlock_IsTrue(string message)
    {
        Assert.True(RelaySafety.IsRelaySafe(Encoding.ASCII.GetBytes(message)));
    }

    [Theory]
    [InlineData(Complete + "body without a blank line\r\n", "not a header field: body without a blank line")]
    [InlineData(Complete, "header block does not end with an empty line")]
    [InlineData(" Folded: first\r\n" + Complete + "\r\n", "header block starts with a continuation line")]
    [InlineData("Date: Mon, 02 Mar 2026 09:15:00 +0100\r\nMessage-ID: <1@example.com>\r\n\r\n", "from appears 0 times instead of once")]
    [InlineData(Complete + "Message-Id: <2@example.com>\r\n\r\n", "message-id appears 2 times instead of once")]
    [InlineData(Complete + "Bad Name: x\r\n\r\n", "not a header field: Bad Name: x")]
    [InlineData(Complete + "\r\nbare\nLF\r\n", "bare LF at offset 95")]
    public void Explain_IncompleteHeaderBlock_SaysWhy(string message, string expected)
    {
        Assert.Equal(expected, RelaySafety.Explain(Encoding.ASCII.GetBytes(message)));
    }

    [Fact]
    public void Explain_FiftyReceivedFields_IsTooManyHops()
    {
        var received = string.Concat(Enumerable.Repeat("Received: from a.example.net by b.example.net; hop\r\n", 50));

        Assert.Equal("too many Received fields", RelaySafety.Explain(Encoding.ASCII.GetBytes(received + Complete + "\r\n")));
    }
}
