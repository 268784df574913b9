using System.Security.Cryptography;
using System.Text;

namespace Mailseal.Core.Administration;

/// <summary>
/// Creates, lists, revokes and verifies admin API keys. A key reads "msk_&lt;id&gt;_&lt;secret&gt;" (256 random
/// bits of secret); only its SHA-256 is stored, and it is compared in constant time.
/// </summary>
public sealed class AdminApiKeyService(IAdminApiKeyStore store, AuditTrail audit, TimeProvider time)
{
    public const int NameMaxLength = 64;
    private const string Prefix = "msk_";
    private const string ObjectKind = "AdminApiKey";

    public async Task<AdminApiKeyCreated> CreateAsync(string name, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength || name.Any(char.IsControl))
        {
            throw new AdminValidationException("Name", $"must be 1 to {NameMaxLength} characters without control characters");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new AdminApiKey(id, name, Hash(secret), time.GetUtcNow(), null, null);
        await store.AddAsync(key, cancellationToken);
        var info = AdminApiKeyInfo.From(key);
        await audit.RecordAsync(actor, "New", ObjectKind, id, null, info, cancellationToken);
        return new AdminApiKeyCreated(info, secret);
    }

    public async Task<IReadOnlyList<AdminApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListAsync(cancellationToken)).Select(AdminApiKeyInfo.From)];

    /// <summary>Whether the key with this id exists and is not revoked (a sign-in session lives only as long as its key).</summary>
    public async Task<bool> IsLiveAsync(string id, CancellationToken cancellationToken = default) =>
        await store.FindAsync(id, cancellationToken) is { RevokedAt: null };

    public async Task RevokeAsync(string id, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var before = await store.FindAsync(id, cancellationToken) ?? throw new AdminObjectNotFoundException("admin API key", id);
        if (!await store.RevokeAsync(id, time.GetUtcNow(), cancellationToken))
        {
            throw new InvalidOperationException($"The admin API key \"{id}\" is revoked already.");
        }

        var after = await store.FindAsync(id, cancellationToken);
        await audit.RecordAsync(actor, "Revoke", ObjectKind, id, AdminApiKeyInfo.From(before),
            after is null ? null : AdminApiKeyInfo.From(after), cancellationToken);
    }

    /// <summary>The key a presented secret belongs to, or null when it is unknown, wrong or revoked. Records its use.</summary>
    public async Task<AdminApiKeyInfo?> VerifyAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200 || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var separator = presented.IndexOf('_', Prefix.Length);
        var id = separator < 0 ? "" : presented[Prefix.Length..separator];
        var key = id.Length == 0 ? null : await store.FindAsync(id, cancellationToken);
        // The hash is compared even when the id is unknown, so a wrong id and a wrong secret take the same work.
        var matches = CryptographicOperations.FixedTimeEquals(Hash(presented), key?.KeyHash ?? new byte[SHA256.HashSizeInBytes]);
        if (key is null || !matches || key.RevokedAt is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await store.MarkUsedAsync(key.Id, now, cancellationToken);
        return AdminApiKeyInfo.From(key with { LastUsedAt = now });
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
