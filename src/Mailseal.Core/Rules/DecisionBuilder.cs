namespace Mailseal.Core.Rules;

/// <summary>Accumulates the actions of the Enforce rules that matched for one recipient, in rule order.</summary>
internal sealed class DecisionBuilder
{
    private readonly List<HeaderToSet> _headers = [];
    private bool _applyOme;
    private string? _template;
    private bool _removeOme;
    private RejectDecision? _reject;
    private string? _subjectPrefix;

    public bool ApplyOme => _applyOme;

    /// <remarks>
    /// The first rejection wins. ApplyOME wins over RemoveOME (fail closed); the first template named wins.
    /// Each PrependSubject goes before what earlier rules prepended, as if applied one after another.
    /// </remarks>
    public void Apply(RuleActions actions)
    {
        if (actions.RejectMessageReasonText is { } reason)
        {
            _reject ??= new RejectDecision(actions.RejectMessageEnhancedStatusCode ?? RuleActions.DefaultRejectStatusCode, reason);
        }

        if (actions.ApplyOme)
        {
            _template = _applyOme ? _template ?? actions.ApplyOmeBrandingTemplate : actions.ApplyOmeBrandingTemplate;
            _applyOme = true;
        }

        _removeOme |= actions.RemoveOme;
        if (actions.SetHeaderName is { } name && actions.SetHeaderValue is { } value)
        {
            _headers.RemoveAll(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
            _headers.Add(new HeaderToSet(name, value));
        }

        if (actions.PrependSubject is { } prefix)
        {
            _subjectPrefix = prefix + _subjectPrefix;
        }
    }

    public void Reject(RejectDecision reject) => _reject = reject;

    public RecipientDecision Build() => _reject is { } reject
        ? new RecipientDecision { Reject = reject }
        : new RecipientDecision
        {
            ApplyOme = _applyOme,
            BrandingTemplate = _applyOme ? _template : null,
            RemoveOme = _removeOme && !_applyOme,
            Headers = [.. _headers],
            SubjectPrefix = _subjectPrefix,
        };
}
