using Mailseal.Core.Keys;

namespace Mailseal.Core.Administration;

/// <summary>New-OMEKey: new active keys for the purposes (all three when empty); the keys they replace keep unsealing.</summary>
public sealed record NewTenantKeysRequest
{
    public IReadOnlyList<KeyPurpose> Purposes { get; init; } = [];

    public CryptoMode Mode { get; init; } = CryptoMode.Mode2;

    /// <summary>RSA modulus size; null for the mode's default.</summary>
    public int? KeySizeBits { get; init; }

    /// <summary>The organisation's name when these are the first keys (the tenant is made then).</summary>
    public string OrganizationName { get; init; } = "Mailseal";
}
