using Dapper;
using Mailseal.Core.Tracking;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>Traffic counters in the traffic_counts table; increments add up in the database, across nodes.</summary>
internal sealed class SqlTrafficCounterStore : ITrafficCounterStore
{
    /// <summary>Days are stored as days since 1970-01-01, the same integer on every provider.</summary>
    private static readonly int Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly StorageDatabase _database;

    public SqlTrafficCounterStore(StorageDatabase database)
    {
        _database = database;
    }

    public async Task IncrementAsync(IReadOnlyCollection<TrafficCount> increments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(increments);
        if (increments.Count == 0)
        {
            return;
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO traffic_counts (day, rule_name, direction, action, messages)
            VALUES (@Day, @RuleName, @Direction, @Action, @Messages)
            ON CONFLICT (day, rule_name, direction, action)
            DO UPDATE SET messages = traffic_counts.messages + excluded.messages
            """,
            increments.Select(c => new
            {
                Day = c.Day.DayNumber - Epoch,
                c.RuleName,
                Direction = (int)c.Direction,
                Action = (int)c.Action,
                c.Messages,
            }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TrafficCount>> QueryAsync(
        DateOnly firstDay, DateOnly lastDay, string? ruleName = null, TrafficDirection? direction = null, CancellationToken cancellationToken = default)
    {
        // Filters are added only when given: PostgreSQL cannot type a parameter that is only ever NULL.
        var sql = "SELECT day AS Day, rule_name AS RuleName, direction AS Direction, action AS Action, messages AS Messages " +
                  "FROM traffic_counts WHERE day BETWEEN @From AND @To" +
                  (ruleName is null ? "" : " AND rule_name = @RuleName") +
                  (direction is null ? "" : " AND direction = @Direction") +
                  " ORDER BY day, rule_name, direction, action";
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TrafficCountRow>(new CommandDefinition(
            sql,
            new { From = firstDay.DayNumber - Epoch, To = lastDay.DayNumber - Epoch, RuleName = ruleName, Direction = (int?)direction },
            cancellationToken: cancellationToken));
        return rows
            .Select(r => new TrafficCount(DateOnly.FromDayNumber(Epoch + r.Day), r.RuleName, (TrafficDirection)r.Direction, (TrafficAction)r.Action, r.Messages))
            .ToList();
    }
}
