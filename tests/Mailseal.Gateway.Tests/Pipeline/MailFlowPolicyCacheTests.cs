using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Gateway.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Mailseal.Gateway.Tests.Pipeline.PipelineMessages;

namespace Mailseal.Gateway.Tests.Pipeline;

public sealed class MailFlowPolicyCacheTests
{
    [Fact]
    public async Task GetAsync_ChangedWithinInterval_SamePolicyUntilIntervalPasses()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var gateway = await GatewayHarness.StartAsync(s => s.AddSingleton<TimeProvider>(time));
        await gateway.AddRuleAsync(SealExternal());
        var cache = gateway.Services.GetRequiredService<MailFlowPolicyCache>();
        var first = await cache.GetAsync(CancellationToken.None);

        await gateway.Services.GetRequiredService<ITransportRuleStore>().RemoveAsync("Seal external");
        await gateway.AddUserAsync(new OrganizationUser { Address = Sender });
        time.Advance(TimeSpan.FromSeconds(4));
        var cached = await cache.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await cache.GetAsync(CancellationToken.None);

        Assert.Same(first, cached);
        Assert.Single(cached.Rules.Rules);
        Assert.Empty(refreshed.Rules.Rules);
        Assert.NotNull(refreshed.Organization.FindUser(Sender));
    }

    [Fact]
    public async Task GetAsync_IntervalZero_ReadsForEveryMessage()
    {
        await using var gateway = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Gateway:Pipeline:PolicyRefreshInterval"] = "00:00:00",
        });
        await gateway.AddRuleAsync(SealExternal());
        using var client = await gateway.ConnectAsync();
        Assert.Null(await TrySendAsync(client, Message(), Sender, ExternalRecipient));

        await gateway.Services.GetRequiredService<ITransportRuleStore>().RemoveAsync("Seal external");
        Assert.Null(await TrySendAsync(client, Message("Plain", "m2@example.org"), Sender, ExternalRecipient));

        // The first copy was sealed (its text is inside the envelope), the second went plain.
        var delivered = gateway.Delivered();
        Assert.Equal(2, delivered.Count);
        Assert.Single(delivered, f => f.Text.Contains(Body.Trim(), StringComparison.Ordinal));
    }
}
