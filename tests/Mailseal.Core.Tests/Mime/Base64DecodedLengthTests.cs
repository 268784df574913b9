using System.Text;
using Mailseal.Core.Mime;

namespace Mailseal.Core.Tests.Mime;

public sealed class Base64DecodedLengthTests
{
    [Theory]
    [InlineData("QUJDRA==\r\n", 4L)]
    [InlineData("QUJDREU=", 5L)]
    [InlineData("QUJD\r\nREVG\r\n", 6L)]
    [InlineData("QUJDRA==\r\nQQ==", null)]
    [InlineData("QUJDRA= =", 4L)]
    [InlineData("QUJDRA=\r\nx", null)]
    public void Result_TextFedInAnyPieces_SameAsWhole(string text, long? expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            for (var second = cut; second <= bytes.Length; second++)
            {
                var length = new Base64DecodedLength();
                length.Add(bytes.AsSpan(0, cut));
                length.Add(bytes.AsSpan(cut, second - cut));
                length.Add(bytes.AsSpan(second));

                Assert.Equal(expected, length.Result);
            }
        }
    }
}
