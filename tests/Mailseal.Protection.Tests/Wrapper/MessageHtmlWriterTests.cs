using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Protection.Tests.Wrapper;

public sealed partial class MessageHtmlWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(57 * 1024)]
    [InlineData((57 * 1024) + 1)]
    [InlineData(3 * 1024 * 1024)]
    public async Task WriteAsync_Envelope_FieldDecodesToExactBytes(int size)
    {
        var envelope = RandomNumberGenerator.GetBytes(size);

        var html = await WriteAsync(envelope);

        Assert.Equal(envelope, WrapperFixtures.EnvelopeFromMessageHtml(Encoding.ASCII.GetString(html)));
    }

    [Fact]
    public async Task WriteAsync_ThreeMegabyteEnvelope_SevenBitCrlfLinesOfAtMost76()
    {
        var html = await WriteAsync(RandomNumberGenerator.GetBytes(3 * 1024 * 1024));

        Assert.All(html, b => Assert.True(b < 128, "message.html must be 7-bit."));
        Assert.DoesNotContain((byte)0, html);
        var lines = WrapperFixtures.CrlfLines(html);
        Assert.All(lines, line => Assert.True(line.Length <= 76, $"Line of {line.Length}: {line}"));
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ja")]
    public async Task WriteAsync_EachLanguage_SevenBitShortLines(string language)
    {
        var html = await WriteAsync(WrapperFixtures.SmallEnvelope(), language);

        Assert.All(html, b => Assert.True(b < 128));
        Assert.All(WrapperFixtures.CrlfLines(html), line => Assert.True(line.Length <= 76, line));
    }

    [Fact]
    public async Task WriteAsync_Page_SelfContainedFormWithoutScriptOrTypedInput()
    {
        var html = Encoding.ASCII.GetString(await WriteAsync(WrapperFixtures.SmallEnvelope()));

        Assert.StartsWith("<!doctype html>\r\n", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" enctype=\"multipart/form-data\"\r\n action=\"https://portal.example.org/envelope\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"envelope\" value=\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Read the message</button>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "<form"));
        Assert.Equal(1, Count(html, "<input"));
        Assert.Equal(1, Count(html, "<img"));
        foreach (var forbidden in new[] { "<script", "javascript:", "type=\"password\"", "type=\"text\"", "<link", "<iframe", "@import", "url(", "href=", "<textarea" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(EventHandlerAttribute(), html);
    }

    [Fact]
    public async Task WriteAsync_DefaultBranding_ShowsLogoAndLocalisedTexts()
    {
        var html = Encoding.ASCII.GetString(await WriteAsync(WrapperFixtures.SmallEnvelope(), "de", useFixtureBranding: false));

        var logo = Convert.ToBase64String(DefaultLogo.GetPng());
        Assert.Contains(logo[..76], html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("Nachricht lesen", html, StringComparison.Ordinal);
        Assert.Contains("https://portal.example.org/open", html, StringComparison.Ordinal);
    }

    private static async Task<byte[]> WriteAsync(byte[] envelope, string language = "en", bool useFixtureBranding = true)
    {
        var branding = EffectiveBranding.Resolve(useFixtureBranding ? WrapperFixtures.Branding : null, language);
        using var output = new MemoryStream();
        await MessageHtmlWriter.WriteAsync(output, branding, WrapperFixtures.PortalUrl, new MemoryStream(envelope));
        return output.ToArray();
    }

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
