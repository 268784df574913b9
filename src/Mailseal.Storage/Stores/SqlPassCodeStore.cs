using Dapper;
using Mailseal.Core.Portal;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>
/// Pass codes, attempt counters and send counters in the passcode_* tables. Every change is one statement
/// that the database makes atomic, so the rules hold across portal nodes: a code is consumed by one caller,
/// a counter is saved only over the version it was read at, and sends add up in the database.
/// </summary>
internal sealed class SqlPassCodeStore : IPassCodeStore
{
    private readonly StorageDatabase _database;

    public SqlPassCodeStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task ReplaceCodeAsync(PassCodeRecord code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO passcode_codes (subject_hash, code_hash, expires_at) VALUES (@Subject, @Code, @ExpiresAt)
            ON CONFLICT (subject_hash) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at
            """,
            new { Subject = code.SubjectHash.ToArray(), Code = code.CodeHash.ToArray(), ExpiresAt = _database.ToDatabaseTime(code.ExpiresAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<PassCodeRecord?> FindCodeAsync(ReadOnlyMemory<byte> subjectHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<PassCodeRow>(new CommandDefinition(
            "SELECT subject_hash AS SubjectHash, code_hash AS CodeHash, expires_at AS ExpiresAt FROM passcode_codes WHERE subject_hash = @Subject",
            new { Subject = subjectHash.ToArray() },
            cancellationToken: cancellationToken));
        return row is null ? null : new PassCodeRecord(row.SubjectHash, row.CodeHash, _database.FromDatabaseTime(row.ExpiresAt));
    }

    public async Task<bool> ConsumeCodeAsync(
        ReadOnlyMemory<byte> subjectHash, ReadOnlyMemory<byte> codeHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM passcode_codes WHERE subject_hash = @Subject AND code_hash = @Code",
            new { Subject = subjectHash.ToArray(), Code = codeHash.ToArray() },
            cancellationToken: cancellationToken));
        return deleted == 1;
    }

    public async Task<PassCodeAttemptCounter> GetAttemptsAsync(ReadOnlyMemory<byte> subjectHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<PassCodeAttemptRow>(new CommandDefinition(
            """
            SELECT subject_hash AS SubjectHash, failures AS Failures, lock_level AS LockLevel, locked_until AS LockedUntil,
                   day AS Day, day_attempts AS DayAttempts, updated_at AS UpdatedAt, version AS Version
            FROM passcode_attempts WHERE subject_hash = @Subject
            """,
            new { Subject = subjectHash.ToArray() },
            cancellationToken: cancellationToken));
        return row is null
            ? PassCodeAttemptCounter.New(subjectHash, DateTimeOffset.UnixEpoch)
            : new PassCodeAttemptCounter(row.SubjectHash, row.Failures, row.LockLevel, _database.FromNullableDatabaseTime(row.LockedUntil),
                row.Day, row.DayAttempts, _database.FromDatabaseTime(row.UpdatedAt), row.Version);
    }

    public async Task<bool> TrySaveAttemptsAsync(PassCodeAttemptCounter counter, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var sql = expectedVersion == 0
            ? """
              INSERT INTO passcode_attempts (subject_hash, failures, lock_level, locked_until, day, day_attempts, updated_at, version)
              VALUES (@Subject, @Failures, @LockLevel, @LockedUntil, @Day, @DayAttempts, @UpdatedAt, @NewVersion)
              ON CONFLICT (subject_hash) DO NOTHING
              """
            : """
              UPDATE passcode_attempts SET failures = @Failures, lock_level = @LockLevel, locked_until = @LockedUntil, day = @Day,
                  day_attempts = @DayAttempts, updated_at = @UpdatedAt, version = @NewVersion
              WHERE subject_hash = @Subject AND version = @Expected
              """;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                Subject = counter.SubjectHash.ToArray(),
                counter.Failures,
                counter.LockLevel,
                LockedUntil = _database.ToDatabaseTime(counter.LockedUntil),
                counter.Day,
                counter.DayAttempts,
                UpdatedAt = _database.ToDatabaseTime(counter.UpdatedAt),
                NewVersion = expectedVersion + 1,
                Expected = expectedVersion,
            },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<int> CountSendAsync(PassCodeSendWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            INSERT INTO passcode_send_counts (limit_key, window_start, sends, expires_at) VALUES (@Key, @WindowStart, 1, @ExpiresAt)
            ON CONFLICT (limit_key, window_start) DO UPDATE SET sends = passcode_send_counts.sends + 1
            RETURNING sends
            """,
            new
            {
                Key = window.LimitKey.ToArray(),
                WindowStart = _database.ToDatabaseTime(window.WindowStart),
                ExpiresAt = _database.ToDatabaseTime(window.ExpiresAt),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<int> PruneAsync(DateTimeOffset now, DateTimeOffset idleBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var parameters = new { Now = _database.ToDatabaseTime(now), IdleBefore = _database.ToDatabaseTime(idleBefore) };
        var codes = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM passcode_codes WHERE expires_at <= @Now", parameters, cancellationToken: cancellationToken));
        var windows = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM passcode_send_counts WHERE expires_at <= @Now", parameters, cancellationToken: cancellationToken));
        // A counter that is still locked stays, however long it has been idle: forgetting it would lift the lock.
        var counters = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM passcode_attempts WHERE updated_at < @IdleBefore AND (locked_until IS NULL OR locked_until <= @Now)",
            parameters, cancellationToken: cancellationToken));
        return codes + windows + counters;
    }
}
