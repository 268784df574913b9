using Mailseal.Core.Tracking;

namespace Mailseal.Admin.Page;

/// <summary>One rule's messages per day and action over the page's days (directions added up), and its total.</summary>
internal sealed record RuleTraffic(string RuleName, IReadOnlyDictionary<(DateOnly Day, TrafficAction Action), long> Counts)
{
    public long Total => Counts.Values.Sum();

    public long TotalOf(TrafficAction action) => Counts.Where(c => c.Key.Action == action).Sum(c => c.Value);

    public long DayTotal(DateOnly day) => Counts.Where(c => c.Key.Day == day).Sum(c => c.Value);

    /// <summary>Rules by messages, most first (ties by name), from the report's rows.</summary>
    public static IReadOnlyList<RuleTraffic> Rank(IEnumerable<TrafficCount> rows) =>
        [.. rows
            .GroupBy(r => r.RuleName, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RuleTraffic(g.First().RuleName, g
                .GroupBy(r => (r.Day, r.Action))
                .ToDictionary(d => d.Key, d => d.Sum(r => r.Messages))))
            .OrderByDescending(r => r.Total)
            .ThenBy(r => r.RuleName, StringComparer.OrdinalIgnoreCase)];
}
