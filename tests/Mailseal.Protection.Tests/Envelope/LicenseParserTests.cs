using System.Collections.Immutable;
using System.Text;
using Mailseal.Core.Keys;
using Mailseal.Protection.Envelope;

namespace Mailseal.Protection.Tests.Envelope;

public sealed class LicenseParserTests
{
    private static readonly License Sample = new(
        1,
        Guid.Parse("0b5e6c1a-7d2f-4c3e-9a41-5f0d8e2b7c16"),
        [.. Enumerable.Range(0, 16).Select(i => (byte)i)],
        "<m1@example.org>",
        "sender@example.org",
        new DateTimeOffset(2026, 11, 28, 3, 57, 11, TimeSpan.Zero),
        null,
        "de-CH",
        "Café Ü",
        CryptoMode.Mode2,
        "wrap-a",
        "sign-a",
        "rh-a",
        [1, 2, 3, 4, 5, 6, 7],
        65536,
        [.. new byte[256]],
        [[.. new byte[32]], [.. Enumerable.Repeat((byte)0xff, 32)]]);

    private static string Json => Encoding.UTF8.GetString(LicenseWriter.Write(Sample));

    [Fact]
    public void Parse_WrittenLicense_ReadsBackEveryMember()
    {
        var parsed = LicenseParser.Parse(LicenseWriter.Write(Sample));

        Assert.Equal(LicenseWriter.Write(Sample), LicenseWriter.Write(parsed));
        Assert.Equal("Café Ü", parsed.BrandingTemplate);
        Assert.Null(parsed.ExpiresAt);
        Assert.Equal(2, parsed.RecipientHashes.Length);
    }

    [Fact]
    public void Write_NonAsciiText_IsEscapedSoTheLicenseIsAscii()
    {
        var bytes = LicenseWriter.Write(Sample);

        Assert.All(bytes, b => Assert.True(b < 0x80));
        Assert.Contains("\"template\":\"Caf\\u00E9 \\u00DC\"", Json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"version\":1", "\"version\":2")]
    [InlineData("\"version\":1", "\"version\":1.0")]
    [InlineData("\"mode\":2", "\"mode\":3")]
    [InlineData("\"segmentSize\":65536", "\"segmentSize\":16")]
    [InlineData("\"segmentSize\":65536", "\"segmentSize\":2097152")]
    [InlineData("\"tenant\":\"0b5e6c1a", "\"tenant\":\"0B5E6C1A")]
    [InlineData("\"created\":\"2026-11-28T03:57:11Z\"", "\"created\":\"2026-11-28T03:57:11+00:00\"")]
    [InlineData("\"created\":\"2026-11-28T03:57:11Z\"", "\"created\":null")]
    [InlineData("\"expires\":null", "\"expires\":\"tomorrow\"")]
    [InlineData("\"noncePrefix\":\"AQIDBAUGBw\"", "\"noncePrefix\":\"AQIDBAUGBwg\"")]
    [InlineData("\"noncePrefix\":\"AQIDBAUGBw\"", "\"noncePrefix\":\"AQIDBAUGBw==\"")]
    [InlineData("\"noncePrefix\":\"AQIDBAUGBw\"", "\"noncePrefix\":\"AQIDBAUGBx\"")]
    [InlineData("\"envelopeId\":\"AAECAwQFBgcICQoLDA0ODw\"", "\"envelopeId\":\"AAECAwQFBgcICQoLDA0O\"")]
    [InlineData("\"sender\":\"sender@example.org\"", "\"sender\":\"\"")]
    [InlineData("\"sender\":\"sender@example.org\"", "\"sender\":\"a\\r\\nBcc: b\"")]
    [InlineData("\"language\":\"de-CH\"", "\"language\":\"de CH\"")]
    [InlineData("\"recipients\":[", "\"recipients\":[\"AAAA\",")]
    [InlineData("\"version\":1,", "")]
    [InlineData("\"version\":1,", "\"version\":1,\"extra\":0,")]
    [InlineData("\"version\":1,", "\"version\":1,\"version\":1,")]
    [InlineData("\"version\":1,\"tenant\"", "\"tenant\"")]
    [InlineData("{\"version\"", "{\"vers\\u0069on\"")]
    public void Parse_Altered_ThrowsUniformError(string find, string replace)
    {
        Assert.Contains(find, Json, StringComparison.Ordinal);
        var altered = Json.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<EnvelopeInvalidException>(() => LicenseParser.Parse(Encoding.UTF8.GetBytes(altered)));

        Assert.Equal(EnvelopeInvalidException.UniformMessage, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n")]
    [InlineData("{}")]
    public void Parse_TrailingBytes_Throws(string trailing)
    {
        Assert.Throws<EnvelopeInvalidException>(() => LicenseParser.Parse(Encoding.UTF8.GetBytes(Json + trailing + (trailing.Length == 0 ? "x" : ""))));
    }

    [Fact]
    public void Parse_WhitespaceBetweenTokens_IsAccepted()
    {
        var spaced = Json.Replace(",\"", ", \"", StringComparison.Ordinal).Replace("\":", "\" :\n", StringComparison.Ordinal);

        var parsed = LicenseParser.Parse(Encoding.UTF8.GetBytes(spaced));

        Assert.Equal(Sample.SigningKeyId, parsed.SigningKeyId);
    }

    [Fact]
    public void Parse_NoRecipients_Throws()
    {
        var json = Json[..Json.IndexOf("\"recipients\":[", StringComparison.Ordinal)] + "\"recipients\":[]}";

        Assert.Throws<EnvelopeInvalidException>(() => LicenseParser.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Parse_MoreRecipientsThanTheFormatAllows_Throws()
    {
        var tooMany = Sample with
        {
            RecipientHashes = [.. Enumerable.Repeat(ImmutableArray.Create(new byte[32]), EnvelopeFormat.MaxRecipients + 1)],
        };

        Assert.Throws<EnvelopeInvalidException>(() => LicenseParser.Parse(LicenseWriter.Write(tooMany)));
    }

    [Fact]
    public void Parse_LargerThanTheLimit_Throws()
    {
        Assert.Throws<EnvelopeInvalidException>(() => LicenseParser.Parse(new byte[EnvelopeFormat.MaxLicenseBytes + 1]));
    }
}
