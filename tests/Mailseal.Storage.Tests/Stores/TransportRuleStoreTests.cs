using Mailseal.Core.Rules;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Stores;

public sealed class TransportRuleStoreTests(PostgresTestDatabase postgres) : StorageTestBase(postgres)
{
    private static readonly TransportRule Full = new()
    {
        Name = "Encrypt external payroll",
        Priority = 0,
        State = RuleState.Disabled,
        Mode = RuleMode.AuditAndNotify,
        ActivationDate = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        ExpiryDate = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Comments = "Ticket 42 — Überweisungen",
        StopRuleProcessing = true,
        Conditions = [RulePredicate.Of("SentToScope", "NotInOrganization"), RulePredicate.OfHeader("HeaderMatchesPatterns", "X-Class", "^secret$")],
        Exceptions = [RulePredicate.Of("MessageTypeMatches", "OOF", "Calendaring")],
        Actions = new RuleActions
        {
            ApplyOme = true, ApplyOmeBrandingTemplate = "Legal", SetHeaderName = "X-Sealed", SetHeaderValue = "yes",
            PrependSubject = "[secure] ", RejectMessageReasonText = "no", RejectMessageEnhancedStatusCode = "5.7.9",
        },
    };

    [Theory, AllProviders]
    public async Task UpsertAsync_FullRule_FindAsyncReturnsEveryField(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);

        await storage.TransportRules.UpsertAsync(Full);

        AssertSame(Full, await storage.TransportRules.FindAsync("ENCRYPT external PAYROLL"));
    }

    [Theory, AllProviders]
    public async Task UpsertAsync_TakenPriority_ShiftsOthers(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.TransportRules.UpsertAsync(new TransportRule { Name = "a", Priority = 0 });
        await storage.TransportRules.UpsertAsync(new TransportRule { Name = "b", Priority = 1 });

        await storage.TransportRules.UpsertAsync(new TransportRule { Name = "c", Priority = 0 });

        Assert.Equal(["c:0", "a:1", "b:2"], (await storage.TransportRules.ListAsync()).Select(r => $"{r.Name}:{r.Priority}"));
    }

    [Theory, AllProviders]
    public async Task RemoveAsync_MiddleRule_ClosesTheGap(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.TransportRules.ReplaceAllAsync([new() { Name = "a", Priority = 0 }, new() { Name = "b", Priority = 1 }, new() { Name = "c", Priority = 2 }]);

        Assert.True(await storage.TransportRules.RemoveAsync("B"));
        Assert.False(await storage.TransportRules.RemoveAsync("b"));

        Assert.Equal(["a:0", "c:1"], (await storage.TransportRules.ListAsync()).Select(r => $"{r.Name}:{r.Priority}"));
    }

    [Theory, AllProviders]
    public async Task ReplaceAllAsync_NewSet_ReplacesEverythingInPriorityOrder(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.TransportRules.UpsertAsync(new TransportRule { Name = "old" });

        await storage.TransportRules.ReplaceAllAsync([new() { Name = "second", Priority = 5 }, new() { Name = "first", Priority = 2 }]);

        Assert.Equal(["first:0", "second:1"], (await storage.TransportRules.ListAsync()).Select(r => $"{r.Name}:{r.Priority}"));
        Assert.Null(await storage.TransportRules.FindAsync("old"));
    }

    [Theory, AllProviders]
    public async Task ReplaceAllAsync_DuplicateNames_ThrowsAndKeepsRules(StorageProvider provider)
    {
        var storage = await OpenMigratedAsync(provider);
        await storage.TransportRules.UpsertAsync(new TransportRule { Name = "kept" });

        await Assert.ThrowsAsync<ArgumentException>(() =>
            storage.TransportRules.ReplaceAllAsync([new() { Name = "x" }, new() { Name = "X", Priority = 1 }]));

        Assert.NotNull(await storage.TransportRules.FindAsync("kept"));
    }

    private static void AssertSame(TransportRule expected, TransportRule? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Conditions = [], Exceptions = [] }, actual with { Conditions = [], Exceptions = [] });
        Assert.Equal(Describe(expected.Conditions), Describe(actual.Conditions));
        Assert.Equal(Describe(expected.Exceptions), Describe(actual.Exceptions));
    }

    private static IEnumerable<string> Describe(IReadOnlyList<RulePredicate> predicates) =>
        predicates.Select(p => $"{p.Name}|{p.Header}|{string.Join(",", p.Values)}");
}
