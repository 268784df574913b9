using Mailseal.Core.Organization;

namespace Mailseal.Core.Administration;

/// <summary>Get/New/Remove-AcceptedDomain and the organisation's users.</summary>
public sealed partial class AdminService
{
    private const string DomainKind = "AcceptedDomain";
    private const string UserKind = "User";

    public Task<IReadOnlyList<AcceptedDomain>> ListAcceptedDomainsAsync(CancellationToken cancellationToken = default) =>
        organization.ListAcceptedDomainsAsync(cancellationToken);

    public async Task<AcceptedDomain> NewAcceptedDomainAsync(AcceptedDomain domain, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(actor);
        if (!OrganizationNames.IsDomainName(domain.DomainName))
        {
            throw new AdminValidationException("DomainName", $"must be a domain name of at most {OrganizationNames.MaxDomainLength} characters");
        }

        if (!Enum.IsDefined(domain.Type))
        {
            throw new AdminValidationException("DomainType", "must be Authoritative, InternalRelay or ExternalRelay");
        }

        var wanted = domain with { DomainName = domain.DomainName.Trim().TrimEnd('.') };
        if ((await organization.ListAcceptedDomainsAsync(cancellationToken)).Any(d => Same(d.DomainName, wanted.DomainName)))
        {
            throw new AdminConflictException("accepted domain", wanted.DomainName);
        }

        await organization.UpsertAcceptedDomainAsync(wanted, cancellationToken);
        await audit.RecordAsync(actor, "New", DomainKind, wanted.DomainName, null, wanted, cancellationToken);
        return wanted;
    }

    public async Task RemoveAcceptedDomainAsync(string domainName, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainName);
        ArgumentNullException.ThrowIfNull(actor);
        var current = (await organization.ListAcceptedDomainsAsync(cancellationToken)).FirstOrDefault(d => Same(d.DomainName, domainName.TrimEnd('.')))
            ?? throw new AdminObjectNotFoundException("accepted domain", domainName);
        await organization.RemoveAcceptedDomainAsync(current.DomainName, cancellationToken);
        await audit.RecordAsync(actor, "Remove", DomainKind, current.DomainName, current, null, cancellationToken);
    }

    public Task<IReadOnlyList<OrganizationUser>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        organization.ListUsersAsync(cancellationToken);

    public async Task<OrganizationUser> GetUserAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return await organization.FindUserAsync(address, cancellationToken) ?? throw new AdminObjectNotFoundException("user", address);
    }

    public async Task<OrganizationUser> NewUserAsync(OrganizationUser user, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(actor);
        var wanted = CheckUser(user with { Address = user.Address?.Trim() ?? "", Language = NullIfEmpty(user.Language), DisplayName = NullIfEmpty(user.DisplayName) });
        if (await organization.FindUserAsync(wanted.Address, cancellationToken) is not null)
        {
            throw new AdminConflictException("user", wanted.Address);
        }

        await organization.UpsertUserAsync(wanted, cancellationToken);
        await audit.RecordAsync(actor, "New", UserKind, wanted.Address, null, wanted, cancellationToken);
        return wanted;
    }

    public async Task<OrganizationUser> SetUserAsync(
        string address, OrganizationUserChange change, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        var current = await GetUserAsync(address, cancellationToken);
        var updated = CheckUser(current with
        {
            DisplayName = change.DisplayName is null ? current.DisplayName : NullIfEmpty(change.DisplayName),
            Language = change.Language is null ? current.Language : NullIfEmpty(change.Language),
            MaySendEncrypted = change.MaySendEncrypted ?? current.MaySendEncrypted,
        });
        await organization.UpsertUserAsync(updated, cancellationToken);
        await audit.RecordAsync(actor, "Set", UserKind, current.Address, current, updated, cancellationToken);
        return updated;
    }

    public async Task RemoveUserAsync(string address, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var current = await GetUserAsync(address, cancellationToken);
        await organization.RemoveUserAsync(current.Address, cancellationToken);
        await audit.RecordAsync(actor, "Remove", UserKind, current.Address, current, null, cancellationToken);
    }

    private static OrganizationUser CheckUser(OrganizationUser user)
    {
        if (!OrganizationNames.IsAddress(user.Address))
        {
            throw new AdminValidationException("Address", $"must be an email address of at most {OrganizationNames.MaxAddressLength} characters");
        }

        if (user.Language is not null && !OrganizationNames.IsLanguageTag(user.Language))
        {
            throw new AdminValidationException("Language", $"must be a language tag such as de-DE, at most {OrganizationNames.MaxLanguageLength} characters");
        }

        if (user.DisplayName is { } name && (name.Length > 256 || name.Any(char.IsControl)))
        {
            throw new AdminValidationException("DisplayName", "must be at most 256 characters without control characters");
        }

        return user;
    }
}
