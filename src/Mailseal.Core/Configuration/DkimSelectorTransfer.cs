using Mailseal.Core.Administration;

namespace Mailseal.Core.Configuration;

/// <summary>
/// The dkimSelectors section. Keys are never removed by an import (a selector may still sign mail in flight or be
/// published); a selector the store lacks gets a new key.
/// </summary>
internal sealed class DkimSelectorTransfer(IDkimKeyAdministration keys)
{
    public const string Section = "dkimSelector";

    public async Task<IReadOnlyList<DkimSelectorEntry>> ExportAsync(CancellationToken cancellationToken) =>
        [.. (await keys.ListAsync(cancellationToken))
            .OrderBy(k => k.Domain, StringComparer.Ordinal).ThenBy(k => k.Selector, StringComparer.Ordinal)
            .Select(k => new DkimSelectorEntry { Domain = k.Domain, Selector = k.Selector, KeySizeBits = k.KeySizeBits })];

    public void Check(IReadOnlyList<DkimSelectorEntry> entries)
    {
        foreach (var entry in entries)
        {
            try
            {
                keys.Check(entry.Domain, entry.Selector, entry.KeySizeBits);
            }
            catch (ArgumentException ex)
            {
                throw new ConfigurationDocumentException($"The DKIM selector \"{entry.Selector}\" of \"{entry.Domain}\": {ex.Message}", ex);
            }
        }

        if (entries.GroupBy(e => Identity(e), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ConfigurationDocumentException($"The DKIM selector {duplicate.Key} appears twice.");
        }
    }

    public async Task<List<ConfigurationChange>> PlanAsync(IReadOnlyList<DkimSelectorEntry> desired, CancellationToken cancellationToken)
    {
        var stored = await keys.ListAsync(cancellationToken);
        return [.. desired
            .Where(e => !stored.Any(k => string.Equals(k.Domain, e.Domain.TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && k.Selector == e.Selector))
            .Select(e => new ConfigurationChange(ConfigurationChangeKind.Add, Section, Identity(e),
                $"new {e.KeySizeBits}-bit key; publish its TXT record (mailseal dkim list)"))];
    }

    public async Task ApplyAsync(IReadOnlyList<DkimSelectorEntry> desired, IEnumerable<ConfigurationChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes.Where(c => c.Section == Section))
        {
            var entry = desired.First(e => string.Equals(Identity(e), change.Identity, StringComparison.OrdinalIgnoreCase));
            await keys.CreateAsync(entry.Domain, entry.Selector, entry.KeySizeBits, cancellationToken);
        }
    }

    private static string Identity(DkimSelectorEntry entry) => $"{entry.Selector}._domainkey.{entry.Domain.TrimEnd('.')}";
}
