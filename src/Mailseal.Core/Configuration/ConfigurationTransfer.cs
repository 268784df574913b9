using Mailseal.Core.Administration;
using Mailseal.Core.Branding;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;

namespace Mailseal.Core.Configuration;

/// <summary>
/// Export and import of the configuration document. Import validates everything before it changes
/// anything, treats every section present in the document as the whole desired state of that section,
/// and leaves sections the document omits alone.
/// </summary>
public sealed class ConfigurationTransfer(
    IOmeConfigurationStore branding,
    IBrandingImageNormalizer imageNormalizer,
    IOrganizationStore organization,
    ITransportRuleStore rules,
    IDkimKeyAdministration dkimKeys)
{
    private const string BrandingSection = "omeConfiguration";

    public async Task<ConfigurationDocument> ExportAsync(CancellationToken cancellationToken = default)
    {
        var stored = await branding.ListAsync(cancellationToken);
        var templates = stored.Any(IsDefault) ? stored : [new OmeConfiguration(OmeConfiguration.DefaultIdentity), .. stored];
        return new ConfigurationDocument
        {
            OmeConfigurations = templates
                .OrderBy(t => IsDefault(t) ? 0 : 1).ThenBy(t => t.Identity, StringComparer.OrdinalIgnoreCase)
                .Select(ToEntry)
                .ToList(),
            AcceptedDomains = await organization.ListAcceptedDomainsAsync(cancellationToken),
            Users = await organization.ListUsersAsync(cancellationToken),
            Rules = await rules.ListAsync(cancellationToken),
            DkimSelectors = await new DkimSelectorTransfer(dkimKeys).ExportAsync(cancellationToken),
        };
    }

    /// <summary>Works out the changes; applies them unless <paramref name="dryRun"/>.</summary>
    public async Task<IReadOnlyList<ConfigurationChange>> ImportAsync(
        ConfigurationDocument document, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);

        // Everything is checked before anything changes.
        var desiredTemplates = document.OmeConfigurations is { } entries ? ToTemplates(entries) : null;
        OrganizationTransfer.Check(document.AcceptedDomains, document.Users);
        var desiredRules = document.Rules is { } ruleList ? RuleTransfer.Check(ruleList) : null;
        var selectors = new DkimSelectorTransfer(dkimKeys);
        if (document.DkimSelectors is { } selectorList)
        {
            selectors.Check(selectorList);
        }

        var people = new OrganizationTransfer(organization);
        var ruleTransfer = new RuleTransfer(rules);
        var changes = new List<ConfigurationChange>();
        if (desiredTemplates is not null)
        {
            changes.AddRange(await PlanBrandingAsync(desiredTemplates, cancellationToken));
        }

        if (document.AcceptedDomains is { } domains)
        {
            changes.AddRange(await people.PlanDomainsAsync(domains, cancellationToken));
        }

        if (document.Users is { } users)
        {
            changes.AddRange(await people.PlanUsersAsync(users, cancellationToken));
        }

        if (desiredRules is not null)
        {
            changes.AddRange(await ruleTransfer.PlanAsync(desiredRules, cancellationToken));
        }

        if (document.DkimSelectors is { } wantedSelectors)
        {
            changes.AddRange(await selectors.PlanAsync(wantedSelectors, cancellationToken));
        }

        if (!dryRun)
        {
            if (desiredTemplates is not null)
            {
                await ApplyBrandingAsync(desiredTemplates, changes, cancellationToken);
            }

            await people.ApplyAsync(document, changes, cancellationToken);
            if (desiredRules is not null && changes.Any(c => c.Section == RuleTransfer.Section))
            {
                await ruleTransfer.ApplyAsync(desiredRules, cancellationToken);
            }

            if (document.DkimSelectors is { } newSelectors)
            {
                await selectors.ApplyAsync(newSelectors, changes, cancellationToken);
            }
        }

        return changes;
    }

    private List<OmeConfiguration> ToTemplates(IReadOnlyList<OmeConfigurationEntry> entries)
    {
        var templates = new List<OmeConfiguration>();
        foreach (var entry in entries)
        {
            var template = new OmeConfiguration(
                entry.Identity,
                DefaultIfEmpty(entry.EmailText),
                DefaultIfEmpty(entry.DisclaimerText),
                DefaultIfEmpty(entry.PortalText),
                entry.Image is null ? null : imageNormalizer.Normalize(DecodeImage(entry)));
            OmeConfigurationValidator.Validate(template);
            if (templates.Any(t => string.Equals(t.Identity, template.Identity, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ConfigurationDocumentException($"The OME configuration \"{template.Identity}\" appears twice.");
            }

            templates.Add(template);
        }

        return templates;
    }

    private async Task<List<ConfigurationChange>> PlanBrandingAsync(List<OmeConfiguration> desired, CancellationToken cancellationToken)
    {
        var stored = await branding.ListAsync(cancellationToken);
        var changes = new List<ConfigurationChange>();
        foreach (var template in desired)
        {
            // The default template always exists, stored or not: absent from the store, it has the defaults.
            var current = stored.FirstOrDefault(s => SameIdentity(s, template))
                ?? (IsDefault(template) ? new OmeConfiguration(template.Identity) : null);
            if (current is null)
            {
                changes.Add(new ConfigurationChange(ConfigurationChangeKind.Add, BrandingSection, template.Identity, Differences(new OmeConfiguration(template.Identity), template)));
            }
            else if (Differences(current, template) is { Length: > 0 } difference)
            {
                changes.Add(new ConfigurationChange(ConfigurationChangeKind.Update, BrandingSection, template.Identity, difference));
            }
        }

        foreach (var gone in stored.Where(s => !desired.Any(d => SameIdentity(s, d))))
        {
            var detail = IsDefault(gone) ? "reverts to the default texts and logo" : "";
            changes.Add(new ConfigurationChange(ConfigurationChangeKind.Remove, BrandingSection, gone.Identity, detail));
        }

        return changes;
    }

    private async Task ApplyBrandingAsync(List<OmeConfiguration> desired, List<ConfigurationChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes.Where(c => c.Section == BrandingSection))
        {
            if (change.Kind == ConfigurationChangeKind.Remove)
            {
                await branding.RemoveAsync(change.Identity, cancellationToken);
            }
            else
            {
                await branding.UpsertAsync(desired.First(d => string.Equals(d.Identity, change.Identity, StringComparison.OrdinalIgnoreCase)), cancellationToken);
            }
        }
    }

    private static string Differences(OmeConfiguration current, OmeConfiguration wanted)
    {
        var fields = new List<string>();
        if (current.EmailText != wanted.EmailText) fields.Add("EmailText");
        if (current.DisclaimerText != wanted.DisclaimerText) fields.Add("DisclaimerText");
        if (current.PortalText != wanted.PortalText) fields.Add("PortalText");
        if (!(current.Image ?? []).AsSpan().SequenceEqual(wanted.Image ?? [])) fields.Add("Image");
        return string.Join(", ", fields);
    }

    private static byte[] DecodeImage(OmeConfigurationEntry entry)
    {
        try
        {
            return Convert.FromBase64String(entry.Image!);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationDocumentException($"The image of OME configuration \"{entry.Identity}\" is not valid base64.", ex);
        }
    }

    /// <summary>In the document, as in Exchange, an empty text means the default text.</summary>
    private static string? DefaultIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static OmeConfigurationEntry ToEntry(OmeConfiguration template) => new()
    {
        Identity = template.Identity,
        EmailText = template.EmailText,
        DisclaimerText = template.DisclaimerText,
        PortalText = template.PortalText,
        Image = template.Image is null ? null : Convert.ToBase64String(template.Image),
    };

    private static bool IsDefault(OmeConfiguration template) =>
        string.Equals(template.Identity, OmeConfiguration.DefaultIdentity, StringComparison.OrdinalIgnoreCase);

    private static bool SameIdentity(OmeConfiguration a, OmeConfiguration b) =>
        string.Equals(a.Identity, b.Identity, StringComparison.OrdinalIgnoreCase);
}
