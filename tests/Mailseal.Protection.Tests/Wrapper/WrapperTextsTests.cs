using System.Globalization;
using Mailseal.Protection.Wrapper;

namespace Mailseal.Protection.Tests.Wrapper;

public sealed class WrapperTextsTests
{
    public static TheoryData<string, string> ButtonLabels => new()
    {
        { "en", "Read the message" },
        { "de", "Nachricht lesen" },
        { "fr", "Lire le message" },
        { "es", "Leer el mensaje" },
        { "ja", "メッセージを読む" },
        { "de-AT", "Nachricht lesen" },
        { "fr-CA", "Lire le message" },
        { "ja-JP", "メッセージを読む" },
        { "en-GB", "Read the message" },
        { "pt-BR", "Read the message" },
        { "zz", "Read the message" },
        { "not a tag!", "Read the message" },
        { "", "Read the message" },
    };

    [Theory]
    [MemberData(nameof(ButtonLabels))]
    public void For_LanguageTag_PicksLanguageOrFallsBackToEnglish(string tag, string expectedButton)
    {
        var texts = WrapperTexts.For(WrapperLanguage.Resolve(tag));

        Assert.Equal(expectedButton, texts.ButtonLabel);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ja")]
    public void For_EachLanguage_EveryTextTranslatedWithItsPlaceholders(string tag)
    {
        var texts = WrapperTexts.For(CultureInfo.GetCultureInfo(tag));
        var english = WrapperTexts.For(CultureInfo.InvariantCulture);

        Assert.Contains("message.html", texts.Instructions, StringComparison.Ordinal);
        Assert.Contains("{0}", texts.PhoneAlternative, StringComparison.Ordinal);
        Assert.Contains("message.html", texts.PhoneAlternative, StringComparison.Ordinal);
        Assert.Contains("{0}", texts.PageInstructions, StringComparison.Ordinal);
        Assert.InRange(texts.DefaultPortalText.Length, 1, 128);
        Assert.InRange(texts.DefaultEmailText.Length, 1, 1024);
        Assert.InRange(texts.DefaultDisclaimerText.Length, 1, 1024);
        if (tag != "en")
        {
            Assert.NotEqual(english.Title, texts.Title);
            Assert.NotEqual(english.Instructions, texts.Instructions);
            Assert.NotEqual(english.DefaultDisclaimerText, texts.DefaultDisclaimerText);
        }
    }

    [Fact]
    public void PhoneAlternativeFor_FillsInOpenAddress()
    {
        var texts = WrapperTexts.For(CultureInfo.GetCultureInfo("en"));

        Assert.Equal(
            "If your mail app cannot open it, save message.html and upload it at https://portal.example.org/open.",
            texts.PhoneAlternativeFor(PortalAddresses.Open(new Uri("https://portal.example.org/"))));
    }

    [Theory]
    [InlineData("https://portal.example.org", "https://portal.example.org/envelope")]
    [InlineData("https://portal.example.org/", "https://portal.example.org/envelope")]
    [InlineData("https://example.org/mailseal/", "https://example.org/mailseal/envelope")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/envelope")]
    [InlineData("https://bücher.example/", "https://xn--bcher-kva.example/envelope")]
    [InlineData("http://[::1]:5080/", "http://[::1]:5080/envelope")]
    public void Envelope_PortalUrl_AsciiAddressUnderPortal(string portal, string expected)
    {
        Assert.Equal(expected, PortalAddresses.Envelope(new Uri(portal)));
    }

    [Theory]
    [InlineData("ftp://portal.example.org/")]
    [InlineData("https://portal.example.org/?a=b")]
    public void Envelope_UnsuitablePortalUrl_Refused(string portal)
    {
        Assert.Throws<ArgumentException>(() => PortalAddresses.Envelope(new Uri(portal)));
    }
}
