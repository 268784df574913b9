using Mailseal.Core.Organization;

namespace Mailseal.Core.Configuration;

/// <summary>The acceptedDomains and users sections: checked, compared with the store, applied.</summary>
internal sealed class OrganizationTransfer(IOrganizationStore store)
{
    public const string DomainSection = "acceptedDomain";
    public const string UserSection = "user";

    public static void Check(IReadOnlyList<AcceptedDomain>? domains, IReadOnlyList<OrganizationUser>? users)
    {
        foreach (var domain in domains ?? [])
        {
            if (!OrganizationNames.IsDomainName(domain.DomainName) || !Enum.IsDefined(domain.Type))
            {
                throw new ConfigurationDocumentException($"The accepted domain \"{domain.DomainName}\" is not a domain name.");
            }
        }

        foreach (var user in users ?? [])
        {
            if (!OrganizationNames.IsAddress(user.Address))
            {
                throw new ConfigurationDocumentException($"The user \"{user.Address}\" does not have an email address.");
            }
        }

        RejectDuplicates(domains?.Select(d => d.DomainName), "accepted domain");
        RejectDuplicates(users?.Select(u => u.Address), "user");
    }

    public async Task<List<ConfigurationChange>> PlanDomainsAsync(IReadOnlyList<AcceptedDomain> desired, CancellationToken cancellationToken) =>
        Plan(await store.ListAcceptedDomainsAsync(cancellationToken), desired, d => d.DomainName, DomainSection,
            (current, wanted) => current == wanted ? "" : "type or spelling");

    public async Task<List<ConfigurationChange>> PlanUsersAsync(IReadOnlyList<OrganizationUser> desired, CancellationToken cancellationToken) =>
        Plan(await store.ListUsersAsync(cancellationToken), desired, u => u.Address, UserSection, UserDifferences);

    public async Task ApplyAsync(ConfigurationDocument document, IEnumerable<ConfigurationChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            switch (change.Section, change.Kind)
            {
                case (DomainSection, ConfigurationChangeKind.Remove):
                    await store.RemoveAcceptedDomainAsync(change.Identity, cancellationToken);
                    break;
                case (DomainSection, _):
                    await store.UpsertAcceptedDomainAsync(document.AcceptedDomains!.First(d => Same(d.DomainName, change.Identity)), cancellationToken);
                    break;
                case (UserSection, ConfigurationChangeKind.Remove):
                    await store.RemoveUserAsync(change.Identity, cancellationToken);
                    break;
                case (UserSection, _):
                    await store.UpsertUserAsync(document.Users!.First(u => Same(u.Address, change.Identity)), cancellationToken);
                    break;
            }
        }
    }

    private static List<ConfigurationChange> Plan<T>(IReadOnlyList<T> stored, IReadOnlyList<T> desired, Func<T, string> identity,
        string section, Func<T, T, string> differences)
    {
        var changes = new List<ConfigurationChange>();
        foreach (var wanted in desired)
        {
            var current = stored.FirstOrDefault(s => Same(identity(s), identity(wanted)));
            if (current is null)
            {
                changes.Add(new ConfigurationChange(ConfigurationChangeKind.Add, section, identity(wanted), ""));
            }
            else if (differences(current, wanted) is { Length: > 0 } detail)
            {
                changes.Add(new ConfigurationChange(ConfigurationChangeKind.Update, section, identity(wanted), detail));
            }
        }

        changes.AddRange(stored.Where(s => !desired.Any(d => Same(identity(d), identity(s))))
            .Select(gone => new ConfigurationChange(ConfigurationChangeKind.Remove, section, identity(gone), "")));
        return changes;
    }

    private static string UserDifferences(OrganizationUser current, OrganizationUser wanted)
    {
        var fields = new List<string>();
        if (current.Address != wanted.Address) fields.Add("Address");
        if (current.DisplayName != wanted.DisplayName) fields.Add("DisplayName");
        if (current.Language != wanted.Language) fields.Add("Language");
        if (current.MaySendEncrypted != wanted.MaySendEncrypted) fields.Add("MaySendEncrypted");
        return string.Join(", ", fields);
    }

    private static void RejectDuplicates(IEnumerable<string>? names, string what)
    {
        if (names?.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ConfigurationDocumentException($"The {what} \"{duplicate.Key}\" appears twice.");
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
