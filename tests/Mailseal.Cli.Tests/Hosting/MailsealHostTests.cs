using Mailseal.Cli.Hosting;
using Mailseal.Gateway.Front;
using Mailseal.Protection.Keys;
using Mailseal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Cli.Tests.Hosting;

public sealed class MailsealHostTests : IDisposable
{
    private static readonly string[] PortZero =
    [
        "--Gateway:Listeners:0:Endpoint=127.0.0.1:0",
        "--Gateway:Listeners:1:Endpoint=127.0.0.1:0",
        "--Gateway:Listeners:2:Endpoint=127.0.0.1:0",
        "--Portal:Listen=127.0.0.1:0",
    ];

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Build_EmbeddedDefault_StartsThreeListenersMakesKeysAndStops()
    {
        var data = _directory.Combine("data");
        using var host = MailsealHost.Build(data, PortZero);

        await host.StartAsync();
        var listeners = host.Services.GetRequiredService<GatewayFront>().Listeners;
        Assert.Equal([FrontProtocol.Smtp, FrontProtocol.Lmtp, FrontProtocol.Submission], listeners.Select(l => l.Protocol));
        Assert.All(listeners, l => Assert.NotEqual(0, l.EndPoint.Port));
        Assert.True(await host.Services.GetRequiredService<KeyManager>().HasActiveKeysAsync());
        Assert.True(File.Exists(Path.Combine(data, EmbeddedDefaults.SubmissionPasswordFileName)));
        await host.StopAsync();
    }

    [Fact]
    public async Task Build_InvalidSetting_StartFailsNamingIt()
    {
        using var host = MailsealHost.Build(_directory.Combine("data"), [.. PortZero, "--Gateway:Pipeline:MaxHops=0"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MaxHops", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
