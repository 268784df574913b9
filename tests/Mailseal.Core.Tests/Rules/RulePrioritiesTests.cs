using Mailseal.Core.Rules;

namespace Mailseal.Core.Tests.Rules;

public sealed class RulePrioritiesTests
{
    private static readonly TransportRule[] Existing =
        [new() { Name = "a", Priority = 0 }, new() { Name = "b", Priority = 1 }, new() { Name = "c", Priority = 2 }];

    [Fact]
    public void Place_TakenPriority_ShiftsThatRuleAndLaterOnesDown()
    {
        var placed = RulePriorities.Place(Existing, new TransportRule { Name = "new", Priority = 1 });

        Assert.Equal(["a:0", "new:1", "b:2", "c:3"], placed.Select(r => $"{r.Name}:{r.Priority}"));
    }

    [Fact]
    public void Place_PriorityPastTheEnd_GoesLast()
    {
        var placed = RulePriorities.Place(Existing, new TransportRule { Name = "new", Priority = 99 });

        Assert.Equal(["a:0", "b:1", "c:2", "new:3"], placed.Select(r => $"{r.Name}:{r.Priority}"));
    }

    [Fact]
    public void Place_ExistingName_MovesItCaseInsensitively()
    {
        var placed = RulePriorities.Place(Existing, new TransportRule { Name = "C", Priority = 0 });

        Assert.Equal(["C:0", "a:1", "b:2"], placed.Select(r => $"{r.Name}:{r.Priority}"));
    }
}
