using Dapper;
using Mailseal.Core.Portal;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Portal sessions in the portal_sessions table, keyed by the SHA-256 of their token.</summary>
internal sealed class SqlPortalSessionStore : IPortalSessionStore
{
    private readonly StorageDatabase _database;

    public SqlPortalSessionStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task CreateAsync(PortalSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO portal_sessions (token_hash, presession_hash, envelope_hash, envelope_id, recipient, created_at, last_seen_at, expires_at)
            VALUES (@TokenHash, @PreSessionIdHash, @EnvelopeHash, @EnvelopeId, @Recipient, @CreatedAt, @LastSeenAt, @ExpiresAt)
            """,
            new
            {
                session.TokenHash,
                session.PreSessionIdHash,
                session.EnvelopeHash,
                session.EnvelopeId,
                session.Recipient,
                CreatedAt = _database.ToDatabaseTime(session.CreatedAt),
                LastSeenAt = _database.ToDatabaseTime(session.LastSeenAt),
                ExpiresAt = _database.ToDatabaseTime(session.ExpiresAt),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<PortalSession?> FindLiveAndTouchAsync(
        byte[] tokenHash, DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken = default)
    {
        // Live exactly as PruneAsync's opposite: before the absolute end and seen after now - idleTimeout.
        // The last-seen time never moves back, so a slower concurrent request cannot shorten the idle window.
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PortalSessionRow>(new CommandDefinition(
            """
            UPDATE portal_sessions
            SET last_seen_at = CASE WHEN last_seen_at < @Now THEN @Now ELSE last_seen_at END
            WHERE token_hash = @TokenHash AND expires_at > @Now AND last_seen_at > @IdleSince
            RETURNING token_hash AS TokenHash, presession_hash AS PreSessionHash, envelope_hash AS EnvelopeHash, envelope_id AS EnvelopeId,
                      recipient AS Recipient, created_at AS CreatedAt, last_seen_at AS LastSeenAt, expires_at AS ExpiresAt
            """,
            new { TokenHash = tokenHash, Now = _database.ToDatabaseTime(now), IdleSince = _database.ToDatabaseTime(now - idleTimeout) },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new PortalSession(
                row.TokenHash, row.PreSessionHash, row.EnvelopeHash, row.EnvelopeId, row.Recipient,
                _database.FromDatabaseTime(row.CreatedAt), _database.FromDatabaseTime(row.LastSeenAt), _database.FromDatabaseTime(row.ExpiresAt));
    }

    public async Task<bool> DeleteAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM portal_sessions WHERE token_hash = @TokenHash", new { TokenHash = tokenHash }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<int> PruneAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM portal_sessions WHERE expires_at <= @Now OR last_seen_at <= @IdleSince",
            new { Now = _database.ToDatabaseTime(now), IdleSince = _database.ToDatabaseTime(now - idleTimeout) },
            cancellationToken: cancellationToken));
    }
}
