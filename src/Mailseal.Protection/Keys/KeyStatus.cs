using Mailseal.Core.Keys;

namespace Mailseal.Protection.Keys;

/// <summary>A key with whether it is the one used for sealing now.</summary>
public sealed record KeyStatus(KeyRecord Key, bool IsActive)
{
    /// <summary>active (seals), unseal-only (an older key not retired), or retired.</summary>
    public string State => IsActive ? "active" : Key.IsRetired ? "retired" : "unseal-only";

    public string? Warning => Key.Mode == CryptoMode.Mode1 ? LegacyCryptoMode1.Warning : null;
}
