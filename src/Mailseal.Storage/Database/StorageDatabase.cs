using System.Data.Common;

namespace Mailseal.Storage.Database;

/// <summary>
/// What differs between the providers, and nothing more: how a connection is opened, how a migration
/// takes its exclusive lock, and how times and ids travel. The SQL of the stores is shared; both
/// providers understand <c>ON CONFLICT</c>, <c>excluded.</c> and <c>@name</c> parameters.
/// </summary>
internal abstract class StorageDatabase : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>DDL of the version table, created by the migrator before anything else.</summary>
    public abstract string SchemaVersionTableSql { get; }

    /// <summary>Opens a connection for one operation; the provider pools them.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a transaction that no other migrator, in this process or another, can hold at the same time.
    /// </summary>
    public abstract Task<DbTransaction> BeginExclusiveTransactionAsync(
        DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one statement and commits it without waiting for the disk: the row survives a crash of this process at
    /// once (it is in the database's log, in the operating system's cache), and a crash of the machine once the log
    /// reaches the disk — at the next ordinary commit, or the system's write-back. Only for what may be lost that
    /// way, and often (a write per sealed message); every other commit still waits for the disk, and no connection that
    /// <see cref="OpenConnectionAsync"/> hands out ever carries this setting.
    /// </summary>
    public abstract Task ExecuteWithoutWaitingForDiskAsync(string sql, IReadOnlyList<StatementParameter> parameters, CancellationToken cancellationToken);

    /// <summary>A UTC time as the database stores it, truncated to whole milliseconds.</summary>
    public abstract object ToDatabaseTime(DateTimeOffset time);

    /// <summary>A stored time back as a <see cref="DateTimeOffset"/> with offset zero.</summary>
    public abstract DateTimeOffset FromDatabaseTime(object value);

    public abstract object ToDatabaseGuid(Guid id);

    public abstract Guid FromDatabaseGuid(object value);

    public object? ToDatabaseTime(DateTimeOffset? time) => time is { } value ? ToDatabaseTime(value) : null;

    public DateTimeOffset? FromNullableDatabaseTime(object? value) =>
        value is null or DBNull ? null : FromDatabaseTime(value);

    public abstract ValueTask DisposeAsync();

    /// <summary>Drops everything below a millisecond: the precision every provider keeps exactly.</summary>
    protected static DateTimeOffset TruncateToMilliseconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
