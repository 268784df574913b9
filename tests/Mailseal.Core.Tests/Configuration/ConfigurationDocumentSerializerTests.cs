using System.Text;
using Mailseal.Core.Configuration;

namespace Mailseal.Core.Tests.Configuration;

public sealed class ConfigurationDocumentSerializerTests
{
    [Fact]
    public async Task WriteThenRead_Document_SameContent()
    {
        var document = new ConfigurationDocument
        {
            OmeConfigurations =
            [
                new OmeConfigurationEntry { Identity = "OME Configuration", EmailText = "Hello", Image = "AAEC" },
                new OmeConfigurationEntry { Identity = "Legal", DisclaimerText = "Privileged" },
            ],
        };
        using var json = new MemoryStream();

        await ConfigurationDocumentSerializer.WriteAsync(document, json);
        json.Position = 0;
        var read = await ConfigurationDocumentSerializer.ReadAsync(json);

        Assert.Equal(ConfigurationDocument.CurrentVersion, read.Version);
        Assert.Equal(document.OmeConfigurations, read.OmeConfigurations);
    }

    [Theory]
    [InlineData("""{"version":1,"omeConfiguration":[]}""", "omeConfiguration")]
    [InlineData("""{"version":1,"omeConfigurations":[{"identity":"A","emailtext":"x"}]}""", "emailtext")]
    [InlineData("""{"omeConfigurations":[]}""", "version")]
    [InlineData("""{"version":1,"omeConfigurations":[{"emailText":"x"}]}""", "identity")]
    [InlineData("""{"version":1,}""", "")]
    [InlineData("""[1]""", "")]
    public async Task Read_MalformedDocument_ClearError(string json, string mentions)
    {
        var error = await Assert.ThrowsAsync<ConfigurationDocumentException>(
            () => ConfigurationDocumentSerializer.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task Read_UnsupportedVersion_NamesBothVersions(int version)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"version":{{version}}}""");

        var error = await Assert.ThrowsAsync<ConfigurationDocumentException>(() => ConfigurationDocumentSerializer.ReadAsync(new MemoryStream(json)));

        Assert.Contains($"version {version}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"1 to {ConfigurationDocument.CurrentVersion}", error.Message, StringComparison.Ordinal);
    }
}
