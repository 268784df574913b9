using Mailseal.Core.Rules;

namespace Mailseal.Gateway.Tests.Pipeline;

/// <summary>One gateway for the whole corpus, with a rule that seals every message.</summary>
public sealed class CorpusGatewayFixture : IAsyncLifetime
{
    internal GatewayHarness Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gateway = await GatewayHarness.StartAsync();
        await Gateway.AddRuleAsync(new TransportRule { Name = "Seal all", Actions = new RuleActions { ApplyOme = true } });
    }

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}
