using Mailseal.Core.Tracking;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class TrafficCounterStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly DateOnly Day = new(2026, 11, 28);

    [Theory, AllProviders]
    public async Task IncrementAsync_SameCounterTwice_AddsUp(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);

        await storage.TrafficCounters.IncrementAsync([Count(Day, "Encrypt external", TrafficAction.Sealed, 2)]);
        await storage.TrafficCounters.IncrementAsync([Count(Day, "Encrypt external", TrafficAction.Sealed, 3)]);

        var counts = await storage.TrafficCounters.QueryAsync(Day, Day);
        Assert.Equal([Count(Day, "Encrypt external", TrafficAction.Sealed, 5)], counts);
    }

    [Theory, AllProviders]
    public async Task IncrementAsync_ConcurrentNodes_NoIncrementLost(StorageProvider provider)
    {
        var options = await NewDatabaseAsync(provider);
        var nodeA = Open(options);
        var nodeB = Open(options);
        await nodeA.MigrateAsync();
        var nodes = new[] { nodeA, nodeB };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            nodes[i % 2].TrafficCounters.IncrementAsync([Count(Day, "Rule", TrafficAction.Sealed, 1)]))));

        Assert.Equal(40, Assert.Single(await nodeA.TrafficCounters.QueryAsync(Day, Day)).Messages);
    }

    [Theory, AllProviders]
    public async Task QueryAsync_Filters_ByDaysRuleAndDirection(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.TrafficCounters.IncrementAsync(
        [
            Count(Day.AddDays(-1), "A", TrafficAction.Sealed, 1),
            Count(Day, "A", TrafficAction.Sealed, 2),
            Count(Day, "A", TrafficAction.Audited, 3),
            Count(Day, "B", TrafficAction.Unsealed, 4, TrafficDirection.Inbound),
            Count(Day.AddDays(1), "B", TrafficAction.Rejected, 5),
        ]);

        var today = await storage.TrafficCounters.QueryAsync(Day, Day);
        var ruleA = await storage.TrafficCounters.QueryAsync(Day.AddDays(-1), Day.AddDays(1), ruleName: "A");
        var inbound = await storage.TrafficCounters.QueryAsync(Day.AddDays(-1), Day.AddDays(1), direction: TrafficDirection.Inbound);

        Assert.Equal(3, today.Count);
        Assert.Equal(6, ruleA.Sum(c => c.Messages));
        Assert.Equal([Count(Day, "B", TrafficAction.Unsealed, 4, TrafficDirection.Inbound)], inbound);
    }

    private static TrafficCount Count(
        DateOnly day, string rule, TrafficAction action, long messages, TrafficDirection direction = TrafficDirection.Outbound) =>
        new(day, rule, direction, action, messages);
}
