using System.Data.Common;
using Dapper;
using Mailseal.Core.Rules;
using Mailseal.Storage.Database;

namespace Mailseal.Storage.Stores;

/// <summary>
/// Mail-flow rules in transport_rules. Every write rewrites the whole (small) set in one exclusive
/// transaction, so priorities stay 0…n-1 without gaps even when two administrators write at once.
/// </summary>
internal sealed class SqlTransportRuleStore(StorageDatabase database) : ITransportRuleStore
{
    private const string Columns = """
        name AS Name, priority AS Priority, state AS State, mode AS Mode, activation_date AS ActivationDate,
        expiry_date AS ExpiryDate, comments AS Comments, stop_rule_processing AS StopRuleProcessing, definition AS Definition
        """;

    public async Task<IReadOnlyList<TransportRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadAllAsync(connection, null, cancellationToken);
    }

    public async Task<TransportRule?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = OmeIdentityKey.From(name);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TransportRuleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM transport_rules WHERE name_key = @Key", new { Key = key }, cancellationToken: cancellationToken));
        return row is null ? null : ToRule(row);
    }

    public Task UpsertAsync(TransportRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RewriteAsync(existing => RulePriorities.Place(existing, rule), cancellationToken);
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var removed = false;
        await RewriteAsync(existing =>
        {
            var kept = existing.Where(r => !string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            removed = kept.Count < existing.Count;
            return RulePriorities.Renumber(kept);
        }, cancellationToken);
        return removed;
    }

    public Task ReplaceAllAsync(IReadOnlyList<TransportRule> rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.GroupBy(r => OmeIdentityKey.From(r.Name)).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"The rule name \"{duplicate.First().Name}\" appears twice.", nameof(rules));
        }

        var ordered = RulePriorities.Renumber(rules.OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase));
        return RewriteAsync(_ => ordered, cancellationToken);
    }

    private async Task RewriteAsync(Func<IReadOnlyList<TransportRule>, IReadOnlyList<TransportRule>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginExclusiveTransactionAsync(connection, cancellationToken);
        var wanted = change(await ReadAllAsync(connection, transaction, cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM transport_rules", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var rule in wanted)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO transport_rules (name_key, name, priority, state, mode, activation_date, expiry_date, comments, stop_rule_processing, definition)
                VALUES (@Key, @Name, @Priority, @State, @Mode, @ActivationDate, @ExpiryDate, @Comments, @Stop, @Definition)
                """,
                new
                {
                    Key = OmeIdentityKey.From(rule.Name),
                    rule.Name,
                    rule.Priority,
                    State = rule.State.ToString(),
                    Mode = rule.Mode.ToString(),
                    ActivationDate = database.ToDatabaseTime(rule.ActivationDate),
                    ExpiryDate = database.ToDatabaseTime(rule.ExpiryDate),
                    rule.Comments,
                    Stop = rule.StopRuleProcessing ? 1 : 0,
                    Definition = TransportRuleDefinition.Write(rule),
                },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<TransportRule>> ReadAllAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<TransportRuleRow>(new CommandDefinition(
            $"SELECT {Columns} FROM transport_rules ORDER BY priority, name_key", transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(ToRule).ToList();
    }

    private TransportRule ToRule(TransportRuleRow row)
    {
        var definition = TransportRuleDefinition.Read(row.Definition);
        return new TransportRule
        {
            Name = row.Name,
            Priority = row.Priority,
            State = Enum.Parse<RuleState>(row.State),
            Mode = Enum.Parse<RuleMode>(row.Mode),
            ActivationDate = database.FromNullableDatabaseTime(row.ActivationDate),
            ExpiryDate = database.FromNullableDatabaseTime(row.ExpiryDate),
            Comments = row.Comments,
            StopRuleProcessing = row.StopRuleProcessing != 0,
            Conditions = definition.Conditions,
            Exceptions = definition.Exceptions,
            Actions = definition.Actions,
        };
    }
}
