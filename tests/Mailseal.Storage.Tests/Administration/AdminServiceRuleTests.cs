using Mailseal.Core.Administration;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;

namespace Mailseal.Storage.Tests.Administration;

public sealed class AdminServiceRuleTests(PostgresTestDatabase postgres) : AdminServiceTestBase(postgres)
{
    private static readonly TransportRuleChange EncryptOutside = new()
    {
        Name = "Encrypt outside",
        Predicates = [RulePredicate.Of("SentToScope", "NotInOrganization"), RulePredicate.Of("ExceptIfSubjectContainsWords", "public")],
        ApplyOme = true,
    };

    [Theory, AllProviders]
    public async Task NewTransportRuleAsync_WithoutPriorityLastWithPriorityMovesOthers(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);

        await admin.NewTransportRuleAsync(EncryptOutside, Actor);
        await admin.NewTransportRuleAsync(new TransportRuleChange { Name = "Tag", SetHeaderName = "X-Tag", SetHeaderValue = "1" }, Actor);
        var first = await admin.NewTransportRuleAsync(new TransportRuleChange { Name = "Audit all", Priority = 0, Mode = RuleMode.Audit, PrependSubject = "[audit]" }, Actor);

        Assert.Equal(0, first.Priority);
        Assert.Equal(["Audit all", "Encrypt outside", "Tag"], (await admin.ListTransportRulesAsync()).Select(r => r.Name));
        var stored = await admin.GetTransportRuleAsync("encrypt OUTSIDE");
        Assert.Equal("SentToScope", Assert.Single(stored.Conditions).Name);
        Assert.Equal("SubjectContainsWords", Assert.Single(stored.Exceptions).Name);
        await Assert.ThrowsAsync<AdminConflictException>(() => admin.NewTransportRuleAsync(EncryptOutside, Actor));
    }

    [Theory, AllProviders]
    public async Task SetTransportRuleAsync_RenameMoveAndClearPredicate_Renumbered(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);
        await admin.NewTransportRuleAsync(EncryptOutside, Actor);
        await admin.NewTransportRuleAsync(new TransportRuleChange { Name = "Tag", SetHeaderName = "X-Tag", SetHeaderValue = "1" }, Actor);

        var moved = await admin.SetTransportRuleAsync("Encrypt outside", new TransportRuleChange
        {
            Name = "Seal external",
            Priority = 9,
            Predicates = [new RulePredicate { Name = "ExceptIfSubjectContainsWords", Values = [] }, RulePredicate.Of("SubjectContainsWords", "secret")],
            ApplyOmeBrandingTemplate = "Legal",
        }, Actor);

        Assert.Equal(1, moved.Priority);
        Assert.Empty(moved.Exceptions);
        Assert.Equal(["SentToScope", "SubjectContainsWords"], moved.Conditions.Select(c => c.Name));
        Assert.Equal("Legal", moved.Actions.ApplyOmeBrandingTemplate);
        Assert.Equal(["Tag", "Seal external"], (await admin.ListTransportRulesAsync()).Select(r => r.Name));
        await Assert.ThrowsAsync<AdminObjectNotFoundException>(() => admin.GetTransportRuleAsync("Encrypt outside"));
    }

    [Theory, AllProviders]
    public async Task EnableDisableRemove_StateAndPrioritiesAndAudit(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);
        await admin.NewTransportRuleAsync(EncryptOutside, Actor);
        await admin.NewTransportRuleAsync(new TransportRuleChange { Name = "Tag", SetHeaderName = "X-Tag", SetHeaderValue = "1" }, Actor);

        var disabled = await admin.DisableTransportRuleAsync("Tag", Actor);
        var enabled = await admin.EnableTransportRuleAsync("Tag", Actor);
        await admin.RemoveTransportRuleAsync("Encrypt outside", Actor);

        Assert.Equal(RuleState.Disabled, disabled.State);
        Assert.Equal(RuleState.Enabled, enabled.State);
        Assert.Equal(0, Assert.Single(await admin.ListTransportRulesAsync()).Priority);
        var audit = await admin.GetAuditLogAsync(10);
        Assert.Equal(["Remove", "Enable", "Disable", "New", "New"], audit.Select(a => a.Operation));
        Assert.All(audit, a => Assert.Equal("TransportRule", a.ObjectKind));
        Assert.Null(audit[0].NewValue);
        Assert.Contains("\"applyOME\":true", audit[0].OldValue, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task NewTransportRuleAsync_Invalid_RefusedNamingTheParameter(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);

        var unknown = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewTransportRuleAsync(
            new TransportRuleChange { Name = "x", Predicates = [RulePredicate.Of("ExceptIfMoonPhase", "full")] }, Actor));
        var scope = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewTransportRuleAsync(
            new TransportRuleChange { Name = "y", Predicates = [RulePredicate.Of("SentToScope", "Mars")] }, Actor));
        var both = await Assert.ThrowsAsync<AdminValidationException>(() => admin.NewTransportRuleAsync(
            new TransportRuleChange { Name = "z", ApplyOme = true, RemoveOme = true }, Actor));

        Assert.Equal("ExceptIfMoonPhase", unknown.Field);
        Assert.Equal("SentToScope", scope.Field);
        Assert.Equal("RemoveOME", both.Field);
        Assert.Empty(await admin.ListTransportRulesAsync());
        Assert.Empty(await admin.GetAuditLogAsync(10));
    }

    [Theory, AllProviders]
    public async Task TestTransportRulesAsync_ExternalAndInternal_ExplainsPerRecipient(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);
        await admin.NewAcceptedDomainAsync(new AcceptedDomain { DomainName = "contoso.com" }, Actor);
        await admin.NewTransportRuleAsync(EncryptOutside, Actor);
        using var message = new MemoryStream("From: ann@contoso.com\r\nTo: x@fabrikam.com\r\nSubject: Figures\r\n\r\nBody\r\n"u8.ToArray());

        var result = await admin.TestTransportRulesAsync(message, "ann@contoso.com", ["carol@fabrikam.com", "bob@contoso.com"]);

        Assert.Equal(2, result.Evaluation.Copies.Count);
        Assert.True(result.Evaluation.Recipients.Single(r => r.Recipient == "carol@fabrikam.com").Decision.ApplyOme);
        Assert.False(result.Evaluation.Recipients.Single(r => r.Recipient == "bob@contoso.com").Decision.ApplyOme);
        Assert.Contains(result.Evaluation.Trace, t => t.Detail.Contains("NotInOrganization", StringComparison.Ordinal));
        // Only the domain and the rule were changes; the test itself records nothing.
        Assert.Equal(2, (await admin.GetAuditLogAsync(10)).Count);
    }
}
