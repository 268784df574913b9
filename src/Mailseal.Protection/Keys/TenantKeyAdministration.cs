using Mailseal.Core.Administration;
using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>The admin service's view of tenant keys, over <see cref="KeyManager"/>: ids and states, never a secret.</summary>
public sealed class TenantKeyAdministration(KeyManager keys) : ITenantKeyAdministration
{
    private static readonly KeyPurpose[] AllPurposes = [KeyPurpose.ContentKeyWrapping, KeyPurpose.LicenseSigning, KeyPurpose.RecipientHashing];

    public async Task<IReadOnlyList<TenantKeyInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await keys.ListAsync(cancellationToken)).Select(ToInfo)];

    public async Task<IReadOnlyList<TenantKeyInfo>> CreateAsync(NewTenantKeysRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var purposes = request.Purposes.Count == 0 ? AllPurposes : request.Purposes;
        var created = (await keys.ListAsync(cancellationToken)).Count == 0 && purposes.Count == AllPurposes.Length
            ? await keys.CreateInitialKeysAsync(request.OrganizationName, request.Mode, request.KeySizeBits, cancellationToken)
            : await RotateAsync(request, purposes, cancellationToken);
        var statuses = await keys.ListAsync(cancellationToken);
        return [.. created.Select(c => ToInfo(statuses.First(s => s.Key.Id == c.Id)))];
    }

    public Task<bool> RetireAsync(string keyId, CancellationToken cancellationToken = default) => keys.RetireAsync(keyId, cancellationToken);

    private async Task<IReadOnlyList<KeyRecord>> RotateAsync(NewTenantKeysRequest request, IReadOnlyList<KeyPurpose> purposes, CancellationToken cancellationToken)
    {
        await keys.EnsureTenantAsync(request.OrganizationName, cancellationToken);
        return await keys.RotateAsync([.. purposes], request.Mode, request.KeySizeBits, cancellationToken);
    }

    private static TenantKeyInfo ToInfo(KeyStatus status) => new(
        status.Key.Id, status.Key.Purpose, status.Key.Mode, status.Key.KeySizeBits, status.Key.CreatedAt, status.Key.RetiredAt,
        status.State, status.Warning);
}
