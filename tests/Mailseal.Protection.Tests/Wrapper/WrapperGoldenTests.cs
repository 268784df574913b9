using Mailseal.Protection.Branding;
using Mailseal.Protection.Wrapper;
using Mailseal.Testing;

namespace Mailseal.Protection.Tests.Wrapper;

/// <summary>
/// The wrapper mail and message.html in every shipped language, byte for byte. After an intended change,
/// regenerate with MAILSEAL_UPDATE_GOLDEN=1 (see docs/branding.md) and review the diff.
/// </summary>
public sealed class WrapperGoldenTests
{
    public static TheoryData<string> Languages => ["en", "de", "fr", "es", "ja"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task WriteAsync_FixedInput_MatchesGoldenWrapper(string language)
    {
        var wrapper = await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope(), language);

        GoldenFile.AssertMatches($"wrapper.{language}.eml", wrapper);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task WriteAsync_FixedInput_MatchesGoldenMessageHtml(string language)
    {
        var branding = EffectiveBranding.Resolve(WrapperFixtures.Branding, language);
        using var output = new MemoryStream();

        await MessageHtmlWriter.WriteAsync(output, branding, WrapperFixtures.PortalUrl, new MemoryStream(WrapperFixtures.SmallEnvelope()));

        GoldenFile.AssertMatches($"message.{language}.html", output.ToArray());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task WriteAsync_FixedInput_AttachmentEqualsStandaloneMessageHtml(string language)
    {
        var wrapper = await WrapperFixtures.BuildWrapperAsync(WrapperFixtures.SmallEnvelope(), language);
        var branding = EffectiveBranding.Resolve(WrapperFixtures.Branding, language);
        using var standalone = new MemoryStream();

        await MessageHtmlWriter.WriteAsync(standalone, branding, WrapperFixtures.PortalUrl, new MemoryStream(WrapperFixtures.SmallEnvelope()));

        Assert.Equal(standalone.ToArray(), WrapperMailBuilderTests.MessageHtmlBytes(WrapperMailBuilderTests.Parse(wrapper)));
    }
}
