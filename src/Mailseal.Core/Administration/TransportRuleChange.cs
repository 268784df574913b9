using Mailseal.Core.Rules;

namespace Mailseal.Core.Administration;

/// <summary>
/// New-TransportRule and Set-TransportRule parameters. A member left null is unchanged (Set) or takes its
/// default (New). <see cref="Predicates"/> carry Exchange parameter names ("SentToScope",
/// "ExceptIfSubjectContainsWords"): each replaces the predicate of that name, and one without values removes it.
/// Text actions given as <c>""</c> are cleared.
/// </summary>
public sealed record TransportRuleChange
{
    /// <summary>The rule's name (New), or its new name (Set).</summary>
    public string? Name { get; init; }

    /// <summary>0 runs first; a New rule without one goes last. Other rules move as Exchange moves them.</summary>
    public int? Priority { get; init; }

    public RuleMode? Mode { get; init; }

    public RuleState? State { get; init; }

    public string? Comments { get; init; }

    public DateTimeOffset? ActivationDate { get; init; }

    public DateTimeOffset? ExpiryDate { get; init; }

    public bool? StopRuleProcessing { get; init; }

    public IReadOnlyList<RulePredicate> Predicates { get; init; } = [];

    public bool? ApplyOme { get; init; }

    public string? ApplyOmeBrandingTemplate { get; init; }

    public bool? RemoveOme { get; init; }

    public string? SetHeaderName { get; init; }

    public string? SetHeaderValue { get; init; }

    public string? PrependSubject { get; init; }

    public string? RejectMessageReasonText { get; init; }

    public string? RejectMessageEnhancedStatusCode { get; init; }

    /// <summary>The rule with this change applied; not yet validated.</summary>
    internal TransportRule ApplyTo(TransportRule current)
    {
        var conditions = current.Conditions.ToList();
        var exceptions = current.Exceptions.ToList();
        foreach (var predicate in Predicates)
        {
            var isException = predicate.Name.StartsWith(RulePredicates.ExceptIfPrefix, StringComparison.OrdinalIgnoreCase);
            var bare = isException ? predicate.Name[RulePredicates.ExceptIfPrefix.Length..] : predicate.Name;
            var list = isException ? exceptions : conditions;
            list.RemoveAll(p => string.Equals(p.Name, bare, StringComparison.OrdinalIgnoreCase));
            if (predicate.Values.Count > 0 || predicate.Header is not null)
            {
                list.Add(predicate with { Name = bare });
            }
        }

        var actions = current.Actions;
        return current with
        {
            Name = Name ?? current.Name,
            Priority = Priority ?? current.Priority,
            Mode = Mode ?? current.Mode,
            State = State ?? current.State,
            Comments = Text(Comments, current.Comments),
            ActivationDate = ActivationDate ?? current.ActivationDate,
            ExpiryDate = ExpiryDate ?? current.ExpiryDate,
            StopRuleProcessing = StopRuleProcessing ?? current.StopRuleProcessing,
            Conditions = conditions,
            Exceptions = exceptions,
            Actions = actions with
            {
                ApplyOme = ApplyOme ?? actions.ApplyOme,
                ApplyOmeBrandingTemplate = Text(ApplyOmeBrandingTemplate, actions.ApplyOmeBrandingTemplate),
                RemoveOme = RemoveOme ?? actions.RemoveOme,
                SetHeaderName = Text(SetHeaderName, actions.SetHeaderName),
                SetHeaderValue = Text(SetHeaderValue, actions.SetHeaderValue),
                PrependSubject = Text(PrependSubject, actions.PrependSubject),
                RejectMessageReasonText = Text(RejectMessageReasonText, actions.RejectMessageReasonText),
                RejectMessageEnhancedStatusCode = Text(RejectMessageEnhancedStatusCode, actions.RejectMessageEnhancedStatusCode),
            },
        };
    }

    private static string? Text(string? requested, string? current) => requested switch
    {
        null => current,
        "" => null,
        _ => requested,
    };
}
