using Mailseal.Gateway.Front;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Tests.Front;

public sealed class GatewayFrontOptionsValidatorTests
{
    private static string Validate(Action<GatewayFrontOptions> change)
    {
        var options = TestFront.DefaultOptions();
        change(options);
        var result = new GatewayFrontOptionsValidator().Validate(null, options);
        return result.Failed ? result.FailureMessage : string.Empty;
    }

    [Fact]
    public void Validate_DefaultTestOptions_Succeeds()
    {
        Assert.Equal(string.Empty, Validate(_ => { }));
    }

    [Theory]
    [InlineData("no-port", "Endpoint must be an address and a port")]
    [InlineData("mail.example.org:25", "Endpoint must be an address and a port")]
    [InlineData("127.0.0.1:70000", "Endpoint must be an address and a port")]
    public void Validate_BadEndpoint_SaysHowToWriteOne(string endpoint, string expected)
    {
        Assert.Contains(expected, Validate(options => options.Listeners[0].Endpoint = endpoint), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Problems_EachGetAClearMessage()
    {
        Assert.Contains("at least one listener", Validate(options => options.Listeners.Clear()), StringComparison.Ordinal);
        Assert.Contains("Hostname", Validate(options => options.Hostname = "two words"), StringComparison.Ordinal);
        Assert.Contains("'10.0.0.0/33' is not a network", Validate(options => options.RelayNetworks = ["10.0.0.0/33"]), StringComparison.Ordinal);
        Assert.Contains("MaxLineLength must be at least 1000", Validate(options => options.MaxLineLength = 80), StringComparison.Ordinal);
        Assert.Contains("MaxMessageBytes must be positive", Validate(options => options.MaxMessageBytes = 0), StringComparison.Ordinal);
        Assert.Contains("CommandTimeout must be positive", Validate(options => options.CommandTimeout = TimeSpan.Zero), StringComparison.Ordinal);
        Assert.Contains("used more than once", Validate(options => options.Listeners[1].Name = "smtp"), StringComparison.Ordinal);
        Assert.Contains("needs Gateway:Submission:UserName and Password", Validate(options => options.Submission = new()), StringComparison.Ordinal);
        Assert.Contains("off loopback needs a certificate", Validate(options => options.Listeners[2].Endpoint = "0.0.0.0:0"), StringComparison.Ordinal);
        Assert.Contains("no file at", Validate(options => options.Tls = new TlsCertificateOptions { PfxPath = "/nonexistent/server.pfx" }), StringComparison.Ordinal);
        Assert.Contains("not both", Validate(options => options.Tls = new TlsCertificateOptions { PfxPath = "a.pfx", PemCertificatePath = "a.crt" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Messages_NeverContainThePassword()
    {
        var message = Validate(options =>
        {
            options.Listeners[0].Endpoint = "bad";
            options.Tls = new TlsCertificateOptions { PfxPath = "/nonexistent.pfx", PfxPassword = "pfx-secret" };
        });
        Assert.DoesNotContain("pfx-secret", message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestFront.Password, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ThrowsBeforeBinding()
    {
        var options = TestFront.DefaultOptions();
        options.Listeners[0].Endpoint = "bad";
        await using var front = new GatewayFront(Options.Create(options), new RecordingMessageHandler(), () => new MemoryStream(), NullLogger<GatewayFront>.Instance);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => front.StartAsync(CancellationToken.None));
        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Empty(front.Listeners);
    }

    [Fact]
    public void Defaults_MatchTheDocumentedLimits()
    {
        var options = new GatewayFrontOptions();
        Assert.Equal(36L * 1024 * 1024, options.MaxMessageBytes);
        Assert.Equal(1000, options.MaxLineLength);
        Assert.Equal(102_400, options.MaxHeaderBytes);
        Assert.Equal(1000, options.MaxRecipients);
        Assert.Equal(["127.0.0.0/8", "::1/128"], options.EffectiveRelayNetworks);
    }
}
