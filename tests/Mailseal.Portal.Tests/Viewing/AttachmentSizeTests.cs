using System.Text;
using MimeKit;

namespace Mailseal.Portal.Tests.Viewing;

/// <summary>
/// The size listed for an attachment is what its download holds, found without decoding base64; when it cannot be
/// known that way it is null ("size unknown"), never a wrong number. Each message is parsed both as the portal does
/// it (in place from one buffer) and copied into parts, since the size is read from either.
/// </summary>
#pragma warning disable CA5394 // Test data, not security: a seeded generator makes every run check the same texts.
public sealed class AttachmentSizeTests
{
    public static TheoryData<string, long?> Base64Bodies => new()
    {
        // the part's body as it stands in the message, the size the view must list
        { "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY\r\nWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\r\nd3h5ejAxMjM0NTY3ODk=", 62 },
        { "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=", 62 },
        { "QUJD\nREVG\n R0g=  \t\n\n", 8 },
        { "QUJDRA==", 4 },
        { "", 0 },
        { "QUJD\r\nRA==\r\nQUJD", null },
        { "QUJDRA==\r\n-- trailing text", null },
        { "QUJD*REVG", null },
        { "QUJDREV", null },
        { "QUJDR", null },
        { "QUJDRA===", null },
    };

    public static TheoryData<string, string> OtherBodies => new()
    {
        { "quoted-printable", "caf=C3=A9 au lait, soft=\r\nbreak, =3D and a bad =ZZ escape\r\nsecond line" },
        { "7bit", "plain text\r\nsecond line" },
        { "8bit", "d\u00e9j\u00e0 vu" },
        { "x-unknown", "as it is" },
    };

    [Theory]
    [MemberData(nameof(Base64Bodies))]
    public void Build_Base64Attachment_ListsDecodedSizeOrNullWhenMalformed(string encoded, long? expected)
    {
        foreach (var persistent in new[] { true, false })
        {
            using var message = Parse(MessageWith("base64", encoded), persistent);

            var size = Assert.Single(ViewMessages.Builder().Build(message).Attachments).Size;

            Assert.Equal(expected, size);
            if (size is { } known)
            {
                Assert.Equal(ViewMessages.Decoded(AttachmentOf(message)).Length, known);
            }
        }
    }

    [Theory]
    [MemberData(nameof(OtherBodies))]
    public void Build_OtherEncodings_ListsTheBytesTheDownloadServes(string encoding, string encoded)
    {
        foreach (var persistent in new[] { true, false })
        {
            using var message = Parse(MessageWith(encoding, encoded), persistent);

            var size = Assert.Single(ViewMessages.Builder().Build(message).Attachments).Size;

            Assert.Equal(ViewMessages.Decoded(AttachmentOf(message)).Length, size);
        }
    }

    [Fact]
    public void Build_RandomBase64_SizeIsExactWhenWellFormedAndNullOrExactWhenDamaged()
    {
        var random = new Random(20261128);
        for (var round = 0; round < 300; round++)
        {
            var content = new byte[random.Next(0, 5000)];
            random.NextBytes(content);
            var text = Wrap(Convert.ToBase64String(content), random.Next(0, 4) * 19, random.Next(2) == 0 ? "\r\n" : "\n");
            var damaged = round % 2 == 1;
            if (damaged)
            {
                text = Damage(text, random);
            }

            using var message = Parse(MessageWith("base64", text), persistent: round % 3 != 0);
            var size = Assert.Single(ViewMessages.Builder().Build(message).Attachments).Size;

            if (!damaged)
            {
                Assert.Equal(content.Length, size);
            }
            else if (size is { } known)
            {
                Assert.Equal(ViewMessages.Decoded(AttachmentOf(message)).Length, known);
            }
        }
    }

    [Fact]
    public void Build_LargeBase64InPlace_CountsAcrossPiecesExactly()
    {
        var content = new byte[3 * 1024 * 1024 + 1];
        new Random(7).NextBytes(content);
        using var message = Parse(MessageWith("base64", Wrap(Convert.ToBase64String(content), 76, "\r\n")), persistent: true);

        Assert.Equal(content.Length, Assert.Single(ViewMessages.Builder().Build(message).Attachments).Size);
    }

    private static string MessageWith(string encoding, string encoded) =>
        "From: Ada <ada@example.org>\r\nTo: Bruno <bruno@example.net>\r\nSubject: Sizes\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n"
        + $"--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"
        + encoded + "\r\n--b--\r\n";

    private static MimePart AttachmentOf(MimeMessage message) => Assert.IsType<MimePart>(Assert.IsType<Multipart>(message.Body)[1]);

    /// <summary>As the portal parses: in place from one buffer (persistent); or copied into each part.</summary>
    private static MimeMessage Parse(string message, bool persistent)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        return MimeMessage.Load(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), persistent);
    }

    private static string Wrap(string base64, int lineLength, string newLine)
    {
        if (lineLength == 0)
        {
            return base64;
        }

        var lines = new StringBuilder();
        for (var i = 0; i < base64.Length; i += lineLength)
        {
            lines.Append(base64.AsSpan(i, Math.Min(lineLength, base64.Length - i))).Append(newLine);
        }

        return lines.ToString();
    }

    /// <summary>Cuts the text short, or puts a stray character, a padding sign or a space somewhere in it.</summary>
    private static string Damage(string text, Random random)
    {
        var at = random.Next(0, text.Length + 1);
        return random.Next(4) switch
        {
            0 => text[..at],
            1 => text.Insert(at, "*"),
            2 => text.Insert(at, "="),
            _ => text.Insert(at, " "),
        };
    }
}
#pragma warning restore CA5394
