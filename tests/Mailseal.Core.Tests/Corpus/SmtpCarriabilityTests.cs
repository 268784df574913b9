using System.Text;
using Mailseal.Testing.Corpus;

namespace Mailseal.Core.Tests.Corpus;

public class SmtpCarriabilityTests
{
    [Theory]
    [InlineData("Subject: x\r\n\r\nbody\r\n")]
    [InlineData("Subject: x\r\n\r\nGr\u00fc\u00dfe, 8-bit is fine with 8BITMIME\r\n")]
    [InlineData("\r\n")]
    [InlineData("Subject: x\r\n\r\n.\r\n..\r\n")]
    public void IsCarriable_CrlfText_IsTrue(string message)
    {
        Assert.True(SmtpCarriability.IsCarriable(Encoding.UTF8.GetBytes(message)));
    }

    [Theory]
    [InlineData("", "does not end with CRLF")]
    [InlineData("Subject: x\r\n\r\nbody", "does not end with CRLF")]
    [InlineData("Subject: x\r\n\r\nbody\n", "does not end with CRLF")]
    [InlineData("Subject: x\n\r\nbody\r\n", "bare LF at offset 10")]
    [InlineData("Subject: x\r\n\r\nbo\rdy\r\n", "bare CR at offset 16")]
    [InlineData("Subject: x\r\n\r\nbo\0dy\r\n", "NUL byte at offset 16")]
    [InlineData("\nSubject: x\r\n", "bare LF at offset 0")]
    public void Explain_BrokenMessage_NamesTheFirstProblem(string message, string expected)
    {
        Assert.Equal(expected, SmtpCarriability.Explain(Encoding.UTF8.GetBytes(message)));
    }

    [Theory]
    [InlineData(998, true)]
    [InlineData(999, false)]
    public void IsCarriable_LineAtTheLimit_IsDecidedByItsLength(int length, bool expected)
    {
        var message = "Subject: x\r\n\r\n" + new string('a', length) + "\r\nend\r\n";

        Assert.Equal(expected, SmtpCarriability.IsCarriable(Encoding.ASCII.GetBytes(message)));
    }
}
