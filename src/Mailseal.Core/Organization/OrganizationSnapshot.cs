namespace Mailseal.Core.Organization;

/// <summary>The organisation as rules see it while one message is evaluated: immutable, looked up without I/O.</summary>
public sealed class OrganizationSnapshot
{
    private readonly HashSet<string> _domains;
    private readonly Dictionary<string, OrganizationUser> _users;

    public OrganizationSnapshot(IEnumerable<AcceptedDomain> domains, IEnumerable<OrganizationUser> users)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(users);
        _domains = new HashSet<string>(domains.Select(d => d.DomainName.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
        _users = new Dictionary<string, OrganizationUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            _users[user.Address.Trim()] = user;
        }
    }

    public static OrganizationSnapshot Empty { get; } = new([], []);

    /// <summary>True when the address's domain is an accepted domain (exactly; subdomains are not included).</summary>
    public bool IsInOrganization(string address) =>
        AddressParts.Domain(address) is { Length: > 0 } domain && _domains.Contains(domain);

    public OrganizationUser? FindUser(string address) =>
        _users.TryGetValue(address.Trim(), out var user) ? user : null;

    public static async Task<OrganizationSnapshot> LoadAsync(IOrganizationStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new OrganizationSnapshot(
            await store.ListAcceptedDomainsAsync(cancellationToken),
            await store.ListUsersAsync(cancellationToken));
    }
}
