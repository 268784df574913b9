using System.Text.Json;
using Mailseal.Core.Rules;

namespace Mailseal.Core.Configuration;

/// <summary>The rules section: every rule validated, compared with the store field by field, applied at once.</summary>
internal sealed class RuleTransfer(ITransportRuleStore store)
{
    public const string Section = "rule";

    /// <summary>Validates the rules and returns them in their order, renumbered 0…n-1 as the store keeps them.</summary>
    public static IReadOnlyList<TransportRule> Check(IReadOnlyList<TransportRule> rules)
    {
        try
        {
            RuleSet.Compile(rules);
        }
        catch (TransportRuleValidationException ex)
        {
            throw new ConfigurationDocumentException(ex.Message, ex);
        }

        if (rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } name)
        {
            throw new ConfigurationDocumentException($"The rule \"{name.Key}\" appears twice.");
        }

        if (rules.GroupBy(r => r.Priority).FirstOrDefault(g => g.Count() > 1) is { } priority)
        {
            throw new ConfigurationDocumentException(
                $"The rules \"{string.Join("\", \"", priority.Select(r => r.Name))}\" share priority {priority.Key}; priorities must be unique.");
        }

        return RulePriorities.Renumber(rules.OrderBy(r => r.Priority));
    }

    public async Task<List<ConfigurationChange>> PlanAsync(IReadOnlyList<TransportRule> desired, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        var changes = new List<ConfigurationChange>();
        foreach (var wanted in desired)
        {
            var current = stored.FirstOrDefault(s => Same(s, wanted));
            if (current is null)
            {
                changes.Add(new ConfigurationChange(ConfigurationChangeKind.Add, Section, wanted.Name, $"priority {wanted.Priority}"));
            }
            else if (Differences(current, wanted) is { Length: > 0 } detail)
            {
                changes.Add(new ConfigurationChange(ConfigurationChangeKind.Update, Section, wanted.Name, detail));
            }
        }

        changes.AddRange(stored.Where(s => !desired.Any(d => Same(s, d)))
            .Select(gone => new ConfigurationChange(ConfigurationChangeKind.Remove, Section, gone.Name, "")));
        return changes;
    }

    public Task ApplyAsync(IReadOnlyList<TransportRule> desired, CancellationToken cancellationToken) =>
        store.ReplaceAllAsync(desired, cancellationToken);

    /// <summary>The document members that differ, compared as JSON so lists compare by content.</summary>
    private static string Differences(TransportRule current, TransportRule wanted)
    {
        var before = JsonSerializer.SerializeToElement(current);
        var after = JsonSerializer.SerializeToElement(wanted);
        return string.Join(", ", after.EnumerateObject()
            .Where(member => !before.TryGetProperty(member.Name, out var old) || old.GetRawText() != member.Value.GetRawText())
            .Select(member => member.Name));
    }

    private static bool Same(TransportRule a, TransportRule b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
