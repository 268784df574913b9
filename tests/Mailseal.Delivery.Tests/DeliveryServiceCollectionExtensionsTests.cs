using Mailseal.Delivery.Dkim;
using Mailseal.Delivery.Pickup;
using Mailseal.Delivery.Smtp;
using Mailseal.Protection;
using Mailseal.Storage;
using Mailseal.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mailseal.Delivery.Tests;

public sealed class DeliveryServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task AddMailsealDelivery_NoNextHop_PickupFolderUnderTheDataFolder()
    {
        await using var services = Build(new() { ["Storage:DataDirectory"] = _temp.Combine("data") });

        var delivery = Assert.IsType<PickupFolderDelivery>(services.GetRequiredService<IMessageDelivery>());

        Assert.Equal(_temp.Combine("data", "outbox"), delivery.Directory);
        Assert.NotNull(services.GetRequiredService<DkimMessageSigner>());
    }

    [Fact]
    public async Task AddMailsealDelivery_NextHopSet_DeliversOverSmtp()
    {
        await using var services = Build(new()
        {
            ["Storage:DataDirectory"] = _temp.Combine("data"),
            ["Delivery:NextHop"] = "127.0.0.1:2525",
            ["Delivery:TlsPolicy"] = "Required",
        });

        Assert.IsType<SmtpNextHopDelivery>(services.GetRequiredService<IMessageDelivery>());
        Assert.Equal(TlsPolicy.Required, services.GetRequiredService<IOptions<DeliveryOptions>>().Value.TlsPolicy);
    }

    [Theory]
    [InlineData("Delivery:NextHop", "mail.example.com:99999", "NextHop")]
    [InlineData("Delivery:TotalTimeout", "00:15:00", "TotalTimeout")]
    [InlineData("Delivery:PoolSize", "0", "PoolSize")]
    [InlineData("Delivery:CommandTimeout", "-00:00:01", "CommandTimeout")]
    public async Task AddMailsealDelivery_InvalidOption_HostFailsToStartWithItsName(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _temp.Combine("data"),
            [key] = value,
        });
        builder.Services.AddMailsealDelivery(builder.Configuration);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mail.example.com", "mail.example.com", 25)]
    [InlineData("mail.example.com:587", "mail.example.com", 587)]
    [InlineData("[::1]:2525", "::1", 2525)]
    [InlineData("127.0.0.1:10025", "127.0.0.1", 10025)]
    public void NextHopAddress_TryParse_ValidForms(string text, string host, int port)
    {
        Assert.True(NextHopAddress.TryParse(text, out var address));
        Assert.Equal(new NextHopAddress(host, port), address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("::1:25")]
    [InlineData("[::1")]
    [InlineData("host:0")]
    [InlineData("host:port")]
    public void NextHopAddress_TryParse_InvalidForms(string text)
    {
        Assert.False(NextHopAddress.TryParse(text, out _));
    }

    public void Dispose() => _temp.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddMailsealStorage(configuration)
            .AddMailsealProtection(configuration)
            .AddSingleton<SpoolFactory>(() => new MemoryStream())
            .AddMailsealDelivery(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
