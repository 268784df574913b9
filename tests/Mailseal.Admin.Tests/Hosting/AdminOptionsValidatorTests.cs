using Mailseal.Admin.Tests.Api;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin.Tests.Hosting;

public sealed class AdminOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new AdminOptionsValidator().Validate(null, new AdminOptions()).Succeeded);

    [Theory]
    [InlineData("0.0.0.0:5081", "Admin:Tls")]
    [InlineData("192.0.2.10:5081", "Admin:Tls")]
    [InlineData("[::]:5081", "Admin:Tls")]
    [InlineData("localhost:5081", "Admin:Listen")]
    [InlineData("127.0.0.1", "Admin:Listen")]
    public void Validate_ListenRefused_NamesTheSetting(string listen, string setting)
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { Listen = listen });

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NetworkNotCidr_NamesIt()
    {
        var result = new AdminOptionsValidator().Validate(null, new AdminOptions { AllowedNetworks = ["10.0.0.0/33"] });

        Assert.Contains("Admin:AllowedNetworks", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 60, "Admin:FailedKeyLimit")]
    [InlineData(10, 0, "Admin:FailedKeyWindow")]
    public void Validate_FailedKeyLimitOrWindowTooSmall_NamesIt(int limit, int windowSeconds, string setting)
    {
        var result = new AdminOptionsValidator().Validate(
            null, new AdminOptions { FailedKeyLimit = limit, FailedKeyWindow = TimeSpan.FromSeconds(windowSeconds) });

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NonLoopbackListenerWithoutCertificate_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AdminApiApp.StartAsync(new Dictionary<string, string?> { ["Admin:Listen"] = "0.0.0.0:0" }));

        Assert.Contains("Admin:Tls", error.Message, StringComparison.Ordinal);
    }
}
