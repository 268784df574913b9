using System.Text;
using Mailseal.Core.Branding;
using MimeKit;

namespace Mailseal.Protection.Tests.Wrapper;

public sealed class WrapperInjectionTests
{
    public static TheoryData<string> HostileTexts => new()
    {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</textarea><form action=https://evil.example/>",
        "Hello\r\nBcc: victim@example.org\r\n\r\n<b>body</b>",
        "'><svg onload=alert(1)>&amp;",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task WriteAsync_HostileAdminTexts_OnlyEncodedTextInHtmlAndNoHeaderGained(string hostile)
    {
        var branding = new OmeConfiguration("Contoso", EmailText: hostile, DisclaimerText: hostile, PortalText: hostile);

        var wrapper = await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope(), branding: branding);

        var message = WrapperMailBuilderTests.Parse(wrapper);
        Assert.Equal(
            [.. WrapperFixtures.KeptHeaderNames, "X-Mailseal-Envelope", "MIME-Version"],
            message.Headers.Select(h => h.Field));
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain("victim", Encoding.ASCII.GetString(wrapper[..HeaderLength(wrapper)]), StringComparison.Ordinal);

        var messageHtml = Encoding.ASCII.GetString(WrapperMailBuilderTests.MessageHtmlBytes(message));
        foreach (var html in new[] { message.HtmlBody!, messageHtml })
        {
            AssertOnlyEncoded(html);
        }

        // Plain text needs no encoding: the text is there as typed, line breaks included.
        Assert.Contains(hostile.Split('\r')[0], message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_HostileText_AppearsHtmlEncoded()
    {
        var branding = new OmeConfiguration("Contoso", EmailText: "<script>alert(\"x\")</script>");

        var message = WrapperMailBuilderTests.Parse(await WrapperFixtures.BuildWrapperAsync([1, 2], branding: branding));

        var expected = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";
        Assert.Contains(expected, Unwrapped(message.HtmlBody!), StringComparison.Ordinal);
        Assert.Contains(expected, Unwrapped(Encoding.ASCII.GetString(WrapperMailBuilderTests.MessageHtmlBytes(message))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_HeaderWithBareLineBreak_StaysOneFoldedHeader()
    {
        // A parsed header cannot hold this; a header list built by code can.
        var headers = WrapperFixtures.OriginalHeaders();
        var subject = headers.First(h => h.Id == HeaderId.Subject);
        subject.SetRawValue(Encoding.ASCII.GetBytes(" Hello\nBcc: victim@example.org\n\nBody\r\n"));

        var wrapper = await WrapperFixtures.BuildWrapperAsync([1, 2], headers: headers);

        var message = WrapperMailBuilderTests.Parse(wrapper);
        Assert.Empty(message.Bcc);
        Assert.Null(message.Headers[HeaderId.Bcc]);
        Assert.Contains("Hello", message.Subject, StringComparison.Ordinal);
        Assert.IsType<Multipart>(message.Body);
    }

    private static void AssertOnlyEncoded(string html)
    {
        foreach (var raw in new[] { "<script", "<img src=x", "onerror=alert(1)>", "</textarea>", "<form action", "<svg", "<b>" })
        {
            Assert.DoesNotContain(raw, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, html.Split("<img", StringSplitOptions.None).Length - 1);
    }

    // Long words are split across lines by empty comments; join them again.
    private static string Unwrapped(string html) => html.Replace("<!--\r\n-->", "", StringComparison.Ordinal).Replace("<!--\n-->", "", StringComparison.Ordinal);

    private static int HeaderLength(byte[] wrapper) => wrapper.AsSpan().IndexOf("\r\n\r\n"u8);
}
