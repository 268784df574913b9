namespace Mailseal.Core.Administration;

/// <summary>Get/New/Set-OMEKey (tenant keys) and DKIM keys. No result or audit record holds a private key.</summary>
public sealed partial class AdminService
{
    private const string TenantKeyKind = "TenantKey";
    private const string DkimKind = "DkimKey";

    public Task<IReadOnlyList<TenantKeyInfo>> ListTenantKeysAsync(CancellationToken cancellationToken = default) =>
        tenantKeys.ListAsync(cancellationToken);

    /// <summary>The first keys, or a rotation: the keys replaced are retired from sealing and keep unsealing.</summary>
    public async Task<IReadOnlyList<TenantKeyInfo>> NewTenantKeysAsync(NewTenantKeysRequest request, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (request.Purposes.Any(p => !Enum.IsDefined(p)))
        {
            throw new AdminValidationException("Purpose", "must be ContentKeyWrapping, LicenseSigning or RecipientHashing");
        }

        if (!Enum.IsDefined(request.Mode))
        {
            throw new AdminValidationException("Mode", "must be 2 (or 1 for legacy interoperability)");
        }

        IReadOnlyList<TenantKeyInfo> created;
        try
        {
            created = await tenantKeys.CreateAsync(request, cancellationToken);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new AdminValidationException("KeySizeBits", ex.Message.Split(" (Parameter", 2)[0], ex);
        }

        foreach (var key in created)
        {
            await audit.RecordAsync(actor, "New", TenantKeyKind, key.Id, null, key, cancellationToken);
        }

        return created;
    }

    /// <summary>Set-OMEKey -Retired: the key stops sealing and still unseals.</summary>
    public async Task<TenantKeyInfo> RetireTenantKeyAsync(string keyId, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(actor);
        var before = (await tenantKeys.ListAsync(cancellationToken)).FirstOrDefault(k => k.Id == keyId)
            ?? throw new AdminObjectNotFoundException("tenant key", keyId);
        if (!await tenantKeys.RetireAsync(keyId, cancellationToken))
        {
            throw new AdminObjectNotFoundException("tenant key", keyId);
        }

        var after = (await tenantKeys.ListAsync(cancellationToken)).First(k => k.Id == keyId);
        await audit.RecordAsync(actor, "Retire", TenantKeyKind, keyId, before, after, cancellationToken);
        return after;
    }

    public Task<IReadOnlyList<DkimKeyInfo>> ListDkimKeysAsync(CancellationToken cancellationToken = default) =>
        dkimKeys.ListAsync(cancellationToken);

    /// <summary>New-DkimSigningConfig: a key for the domain and selector, with the TXT record to publish.</summary>
    public async Task<DkimKeyInfo> NewDkimKeyAsync(string domain, string selector, int keySizeBits, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            dkimKeys.Check(domain, selector, keySizeBits);
        }
        catch (ArgumentException ex)
        {
            var field = ex.ParamName switch { "selector" => "Selector", "keySizeBits" => "KeySize", _ => "DomainName" };
            throw new AdminValidationException(field, ex.Message.Split(" (Parameter", 2)[0], ex);
        }

        if ((await dkimKeys.ListAsync(cancellationToken)).Any(k => Same(k.Domain, domain.TrimEnd('.')) && k.Selector == selector))
        {
            throw new AdminConflictException("DKIM key", $"{selector}._domainkey.{domain}");
        }

        var created = await dkimKeys.CreateAsync(domain, selector, keySizeBits, cancellationToken);
        await audit.RecordAsync(actor, "New", DkimKind, created.DnsName, null, created, cancellationToken);
        return created;
    }
}
