using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using MimeKit;

namespace Mailseal.Core.Administration;

/// <summary>Get/New/Set/Remove/Enable/Disable/Test-TransportRule.</summary>
public sealed partial class AdminService
{
    private const string RuleKind = "TransportRule";

    /// <summary>The largest message Test-TransportRule reads.</summary>
    public const long MaxTestMessageBytes = 64L * 1024 * 1024;

    /// <summary>Every rule, by priority.</summary>
    public Task<IReadOnlyList<TransportRule>> ListTransportRulesAsync(CancellationToken cancellationToken = default) =>
        rules.ListAsync(cancellationToken);

    public async Task<TransportRule> GetTransportRuleAsync(string identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return await rules.FindAsync(identity, cancellationToken) ?? throw new AdminObjectNotFoundException("transport rule", identity);
    }

    /// <summary>Adds a rule; without a priority it goes last, otherwise the rules at and after it move down by one.</summary>
    public async Task<TransportRule> NewTransportRuleAsync(TransportRuleChange change, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(change.Name))
        {
            throw new AdminValidationException("Name", $"must be 1 to {TransportRuleValidator.MaxNameLength} characters without control characters");
        }

        if (await rules.FindAsync(change.Name, cancellationToken) is not null)
        {
            throw new AdminConflictException("transport rule", change.Name);
        }

        var existing = await rules.ListAsync(cancellationToken);
        var rule = change.ApplyTo(new TransportRule { Name = change.Name, Priority = existing.Count });
        var stored = await StoreRuleAsync(rule, null, cancellationToken);
        await audit.RecordAsync(actor, "New", RuleKind, stored.Name, null, stored, cancellationToken);
        return stored;
    }

    public async Task<TransportRule> SetTransportRuleAsync(
        string identity, TransportRuleChange change, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        var current = await GetTransportRuleAsync(identity, cancellationToken);
        var updated = change.ApplyTo(current);
        if (!Same(updated.Name, current.Name) && await rules.FindAsync(updated.Name, cancellationToken) is not null)
        {
            throw new AdminConflictException("transport rule", updated.Name);
        }

        var stored = await StoreRuleAsync(updated, current.Name, cancellationToken);
        await audit.RecordAsync(actor, "Set", RuleKind, current.Name, current, stored, cancellationToken);
        return stored;
    }

    public async Task RemoveTransportRuleAsync(string identity, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var current = await GetTransportRuleAsync(identity, cancellationToken);
        await rules.RemoveAsync(current.Name, cancellationToken);
        await audit.RecordAsync(actor, "Remove", RuleKind, current.Name, current, null, cancellationToken);
    }

    public Task<TransportRule> EnableTransportRuleAsync(string identity, AdminActor actor, CancellationToken cancellationToken = default) =>
        SetStateAsync(identity, RuleState.Enabled, "Enable", actor, cancellationToken);

    public Task<TransportRule> DisableTransportRuleAsync(string identity, AdminActor actor, CancellationToken cancellationToken = default) =>
        SetStateAsync(identity, RuleState.Disabled, "Disable", actor, cancellationToken);

    /// <summary>Test-TransportRule: evaluates the stored rules on a message (.eml) for an envelope; nothing is sent or changed.</summary>
    public async Task<TransportRuleTestResult> TestTransportRulesAsync(
        Stream message, string sender, IReadOnlyList<string> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0 || recipients.Any(string.IsNullOrWhiteSpace))
        {
            throw new AdminValidationException("Recipient", "needs at least one address, and none may be empty");
        }

        var size = message.CanSeek ? message.Length - message.Position : 0;
        if (size > MaxTestMessageBytes)
        {
            throw new AdminValidationException("MessageFile", $"must be at most {MaxTestMessageBytes} bytes");
        }

        MimeMessage parsed;
        try
        {
            parsed = await MimeMessage.LoadAsync(message, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw new AdminValidationException("MessageFile", "must be an RFC 5322 message", ex);
        }

        using (parsed)
        {
            var facts = MessageFacts.From(parsed, sender, recipients, size);
            var snapshot = await OrganizationSnapshot.LoadAsync(organization, cancellationToken);
            var ruleSet = RuleSet.Compile(await rules.ListAsync(cancellationToken));
            var evaluation = new RuleEvaluator(time).Evaluate(facts, snapshot, ruleSet);
            return new TransportRuleTestResult(facts.Classification.Class, [.. facts.Classification.Types.Order()], facts.Size,
                facts.Sender, facts.EnvelopeSender, ruleSet.Rules, evaluation);
        }
    }

    private async Task<TransportRule> SetStateAsync(string identity, RuleState state, string operation, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var current = await GetTransportRuleAsync(identity, cancellationToken);
        var stored = await StoreRuleAsync(current with { State = state }, current.Name, cancellationToken);
        await audit.RecordAsync(actor, operation, RuleKind, current.Name, current, stored, cancellationToken);
        return stored;
    }

    /// <summary>Validates and stores a rule (replacing <paramref name="previousName"/>), and returns it as stored, renumbered.</summary>
    private async Task<TransportRule> StoreRuleAsync(TransportRule rule, string? previousName, CancellationToken cancellationToken)
    {
        try
        {
            TransportRuleValidator.Validate(rule);
        }
        catch (TransportRuleValidationException ex)
        {
            throw new AdminValidationException(ex.ParameterName, ex.Reason, ex);
        }

        if (previousName is not null && !Same(previousName, rule.Name))
        {
            // A rename replaces the set in one write, so the rule is never there twice or missing.
            var others = (await rules.ListAsync(cancellationToken)).Where(r => !Same(r.Name, previousName)).ToList();
            await rules.ReplaceAllAsync(RulePriorities.Place(others, rule), cancellationToken);
        }
        else
        {
            await rules.UpsertAsync(rule, cancellationToken);
        }

        return await rules.FindAsync(rule.Name, cancellationToken)
            ?? throw new InvalidOperationException($"The transport rule \"{rule.Name}\" was removed while it was being stored.");
    }
}
