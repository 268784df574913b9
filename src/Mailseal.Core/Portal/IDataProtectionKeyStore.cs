namespace Mailseal.Core.Portal;

/// <summary>
/// The portal's ASP.NET Core data-protection key ring (XML elements), shared so that every node accepts the
/// antiforgery tokens another node issued.
/// </summary>
public interface IDataProtectionKeyStore
{
    Task<IReadOnlyList<string>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores an element under a unique name; a name already present is kept as it was.</summary>
    Task AddAsync(string name, string xml, CancellationToken cancellationToken = default);
}
