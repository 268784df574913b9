using Mailseal.Gateway.Front;
using Mailseal.Protection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Tests.Front;

public sealed class GatewayFrontServiceCollectionExtensionsTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings, RecordingMessageHandler handler)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IMessageHandler>(handler);
        builder.Services.AddSingleton<SpoolFactory>(() => new MemoryStream());
        builder.Services.AddMailsealGatewayFront(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task AddMailsealGatewayFront_Configuration_HostServesMail()
    {
        var handler = new RecordingMessageHandler();
        using var host = BuildHost(new()
        {
            ["Gateway:Hostname"] = "gw.example.org",
            ["Gateway:Listeners:0:Name"] = "in",
            ["Gateway:Listeners:0:Protocol"] = "Smtp",
            ["Gateway:Listeners:0:Endpoint"] = "127.0.0.1:0",
            ["Gateway:MaxRecipients"] = "5",
            ["Gateway:RelayNetworks:0"] = "127.0.0.0/8",
        }, handler);
        await host.StartAsync();
        var front = host.Services.GetRequiredService<GatewayFront>();
        var listener = Assert.Single(front.Listeners);
        Assert.Equal("in", listener.Name);
        Assert.Equal(5, host.Services.GetRequiredService<IOptions<GatewayFrontOptions>>().Value.MaxRecipients);

        using (var client = await MailKitClients.ConnectAsync(listener.EndPoint.Port))
        {
            await client.SendAsync(MailKitClients.Message());
            await client.DisconnectAsync(quit: true);
        }

        await host.StopAsync();
        Assert.Single(handler.Messages);
    }

    [Fact]
    public async Task AddMailsealGatewayFront_InvalidConfiguration_StartFailsWithClearError()
    {
        using var host = BuildHost(new()
        {
            ["Gateway:Listeners:0:Protocol"] = "Smtp",
            ["Gateway:Listeners:0:Endpoint"] = "localhost",
        }, new RecordingMessageHandler());
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Endpoint must be an address and a port", error.Message, StringComparison.Ordinal);
    }
}
