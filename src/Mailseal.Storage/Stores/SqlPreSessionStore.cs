using Dapper;
using Mailseal.Core.Portal;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Sealed envelopes and pre-sessions in the portal_envelopes and portal_presessions tables.</summary>
internal sealed class SqlPreSessionStore : IPreSessionStore
{
    private const string KeepLaterExpiry =
        "CASE WHEN excluded.expires_at > portal_envelopes.expires_at THEN excluded.expires_at ELSE portal_envelopes.expires_at END";

    private readonly StorageDatabase _database;

    public SqlPreSessionStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task<bool> StoreEnvelopeAsync(
        byte[] envelopeHash, ReadOnlyMemory<byte> envelope, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelopeHash);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        // An entry that is already there keeps its bytes: only its expiry moves.
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE portal_envelopes SET expires_at = @ExpiresAt WHERE envelope_hash = @Hash AND expires_at < @ExpiresAt",
            new { Hash = envelopeHash, ExpiresAt = _database.ToDatabaseTime(expiresAt) },
            cancellationToken: cancellationToken));
        var exists = updated > 0 || await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT 1 FROM portal_envelopes WHERE envelope_hash = @Hash",
            new { Hash = envelopeHash },
            cancellationToken: cancellationToken)) is not null;
        if (exists)
        {
            return false;
        }

        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO portal_envelopes (envelope_hash, envelope, size, expires_at) VALUES (@Hash, @Envelope, @Size, @ExpiresAt)
            ON CONFLICT (envelope_hash) DO UPDATE SET expires_at = {KeepLaterExpiry}
            """,
            new { Hash = envelopeHash, Envelope = envelope.ToArray(), Size = (long)envelope.Length, ExpiresAt = _database.ToDatabaseTime(expiresAt) },
            cancellationToken: cancellationToken));
        return inserted > 0;
    }

    public async Task<bool> ExtendEnvelopeAsync(
        byte[] envelopeHash, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE portal_envelopes SET expires_at = @ExpiresAt WHERE envelope_hash = @Hash AND expires_at > @Now AND expires_at < @ExpiresAt",
            new { Hash = envelopeHash, Now = _database.ToDatabaseTime(now), ExpiresAt = _database.ToDatabaseTime(expiresAt) },
            cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT 1 FROM portal_envelopes WHERE envelope_hash = @Hash AND expires_at > @Now",
            new { Hash = envelopeHash, Now = _database.ToDatabaseTime(now) },
            cancellationToken: cancellationToken)) is not null;
    }

    public async Task<long> CachedBytesAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT SUM(size) FROM portal_envelopes WHERE expires_at > @Now",
            new { Now = _database.ToDatabaseTime(now) },
            cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<byte[]?> ReadEnvelopeAsync(byte[] envelopeHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT envelope FROM portal_envelopes WHERE envelope_hash = @Hash AND expires_at > @Now",
            new { Hash = envelopeHash, Now = _database.ToDatabaseTime(now) },
            cancellationToken: cancellationToken));
    }

    public async Task CreateAsync(PreSession preSession, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preSession);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO portal_presessions (id_hash, envelope_hash, envelope_id, branding, created_at, expires_at)
            VALUES (@IdHash, @EnvelopeHash, @EnvelopeId, @BrandingTemplate, @CreatedAt, @ExpiresAt)
            """,
            new
            {
                preSession.IdHash,
                preSession.EnvelopeHash,
                preSession.EnvelopeId,
                preSession.BrandingTemplate,
                CreatedAt = _database.ToDatabaseTime(preSession.CreatedAt),
                ExpiresAt = _database.ToDatabaseTime(preSession.ExpiresAt),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<PreSession?> FindAsync(byte[] idHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PreSessionRow>(new CommandDefinition(
            """
            SELECT id_hash AS IdHash, envelope_hash AS EnvelopeHash, envelope_id AS EnvelopeId, branding AS BrandingTemplate, created_at AS CreatedAt, expires_at AS ExpiresAt
            FROM portal_presessions WHERE id_hash = @IdHash AND expires_at > @Now
            """,
            new { IdHash = idHash, Now = _database.ToDatabaseTime(now) },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new PreSession(row.IdHash, row.EnvelopeHash, row.EnvelopeId, row.BrandingTemplate, _database.FromDatabaseTime(row.CreatedAt), _database.FromDatabaseTime(row.ExpiresAt));
    }

    public async Task DeleteAsync(byte[] idHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM portal_presessions WHERE id_hash = @IdHash", new { IdHash = idHash }, cancellationToken: cancellationToken));
    }

    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var parameters = new { Now = _database.ToDatabaseTime(now) };
        var preSessions = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM portal_presessions WHERE expires_at <= @Now", parameters, cancellationToken: cancellationToken));
        var envelopes = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM portal_envelopes WHERE expires_at <= @Now", parameters, cancellationToken: cancellationToken));
        return preSessions + envelopes;
    }
}
