using System.Text;
using Mailseal.Delivery.Tests.Infrastructure;

namespace Mailseal.Delivery.Tests.Dkim;

/// <summary>
/// Bodies at the edges of "simple" body canonicalization, each signed once from a plain stream and once from a stream
/// that hands out three bytes per read (so every line break straddles a read), verified by MimeKit and by dkimpy.
/// </summary>
public sealed class DkimOddBodyTests(DkimTestContext context) : IClassFixture<DkimTestContext>
{
    private const string Head =
        "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: odd body\r\n"
        + "Date: Mon, 02 Mar 2026 09:30:00 +0000\r\nMessage-ID: <odd@example.com>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n";

    private static readonly Dictionary<string, byte[]> Messages = new(StringComparer.Ordinal)
    {
        ["empty body"] = Message(string.Empty),
        ["no header/body separator"] = Encoding.ASCII.GetBytes(Head),
        ["trailing blank lines"] = Message("Hello\r\n\r\n\r\n\r\n"),
        ["only blank lines"] = Message("\r\n\r\n\r\n"),
        ["no final CRLF"] = Message("Hello\r\nno line break at the end"),
        ["8-bit"] = Message("Grüße aus Köln — ünïcödé\r\n\r\n"),
        ["long lines"] = Message(new string('a', 997) + "\r\n" + new string('b', 5000) + "\r\n"),
        ["whitespace"] = Message("  indented\r\ntrailing   \r\n \t \r\n\r\n"),
        ["bare LF"] = Message("one\ntwo\n\nthree\n\n"),
        ["bare CR"] = Message("one\rtwo\r\nthree\r\n"),
        ["ends with CR"] = Message("one\r\ntwo\r"),
        ["blank lines inside, over 64 KB"] = Message(string.Concat(Enumerable.Range(0, 2000).Select(i => i % 7 == 0 ? "\r\n\r\n" : new string('x', i % 80) + "\r\n")) + "\r\n\r\n"),
    };

    /// <summary>
    /// Only dkimpy judges these: MimeKit's verifier drops a CR that starts a line before it hashes a simple body,
    /// where RFC 6376 §3.4.3 keeps every byte.
    /// </summary>
    private static readonly Dictionary<string, byte[]> BeyondMimeKit = new(StringComparer.Ordinal)
    {
        ["bare CR starting a line"] = Message("one\r\n\rtwo\r\n"),
    };

    public static TheoryData<string> Names => [.. Messages.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task SignAsync_OddBody_VerifiesWithMimeKit(string name)
    {
        await context.EnsureKeyAsync("example.com");
        var original = Messages[name];

        foreach (var content in new Stream[] { new MemoryStream(original), new TricklingStream(original, 3) })
        {
            var (field, rest) = await context.SignAsync(original, content);

            Assert.Equal(original, rest);
            Assert.True(await context.VerifyWithMimeKitAsync([.. Encoding.ASCII.GetBytes(field), .. rest]), field);
        }
    }

    [Fact]
    public async Task SignAsync_OddBodies_VerifyWithDkimPy()
    {
        await context.EnsureKeyAsync("example.com");
        var signed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, original) in Messages.Concat(BeyondMimeKit))
        {
            var (field, rest) = await context.SignAsync(original, new TricklingStream(original, 3));
            signed[name] = AsRelayed([.. Encoding.ASCII.GetBytes(field), .. rest]);
        }

        Assert.Empty(await DkimPyVerifier.FailuresAsync(context.Records, signed));
    }

    [Fact]
    public async Task SignAsync_BodyChangedAfterSigning_FailsWithDkimPy()
    {
        await context.EnsureKeyAsync("example.com");
        var original = Messages["trailing blank lines"];
        var (field, rest) = await context.SignAsync(original);
        var changed = AsRelayed([.. Encoding.ASCII.GetBytes(field), .. rest, .. "more\r\n"u8]);

        Assert.Single(await DkimPyVerifier.FailuresAsync(context.Records, new Dictionary<string, byte[]> { ["changed"] = changed }));
    }

    private static byte[] Message(string body) => Encoding.UTF8.GetBytes(Head + "\r\n" + body);

    /// <summary>
    /// The bytes as the next MTA passes them on: a bare LF becomes CRLF, and a message that does not end in CRLF gets
    /// one (SMTP carries whole lines; Mailseal's own client adds it). dkimpy reads the message as given.
    /// </summary>
    private static byte[] AsRelayed(byte[] message)
    {
        var output = new List<byte>(message.Length + 64);
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] == (byte)'\n' && (i == 0 || message[i - 1] != (byte)'\r'))
            {
                output.Add((byte)'\r');
            }

            output.Add(message[i]);
        }

        if (output.Count < 2 || output[^2] != (byte)'\r' || output[^1] != (byte)'\n')
        {
            output.AddRange("\r\n"u8);
        }

        return [.. output];
    }
}
