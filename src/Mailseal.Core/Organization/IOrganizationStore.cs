namespace Mailseal.Core.Organization;

/// <summary>Persistence of accepted domains and users. Domain names and addresses compare case-insensitively.</summary>
public interface IOrganizationStore
{
    Task<IReadOnlyList<AcceptedDomain>> ListAcceptedDomainsAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the domain with the same name.</summary>
    Task UpsertAcceptedDomainAsync(AcceptedDomain domain, CancellationToken cancellationToken = default);

    /// <summary>Returns false when no domain had that name.</summary>
    Task<bool> RemoveAcceptedDomainAsync(string domainName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OrganizationUser>> ListUsersAsync(CancellationToken cancellationToken = default);

    Task<OrganizationUser?> FindUserAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the user with the same address.</summary>
    Task UpsertUserAsync(OrganizationUser user, CancellationToken cancellationToken = default);

    /// <summary>Returns false when no user had that address.</summary>
    Task<bool> RemoveUserAsync(string address, CancellationToken cancellationToken = default);
}
