namespace Mailseal.Core.Rules;

/// <summary>
/// What happens to the copy one recipient gets. Two recipients with equal decisions share one copy. A
/// rejection carries nothing else: a rejected recipient gets no copy.
/// </summary>
public sealed record RecipientDecision
{
    /// <summary>The status code and text of the sender check (docs/rules.md).</summary>
    public static readonly RejectDecision SenderMayNotEncrypt = new(RuleActions.DefaultRejectStatusCode, "Sender not allowed to send encrypted mail");

    public static RecipientDecision Unchanged { get; } = new();

    public bool ApplyOme { get; init; }

    /// <summary>The branding template to seal with; null means the default one.</summary>
    public string? BrandingTemplate { get; init; }

    public bool RemoveOme { get; init; }

    public RejectDecision? Reject { get; init; }

    /// <summary>Headers to set, in rule order; a later one with the same name wins.</summary>
    public IReadOnlyList<HeaderToSet> Headers { get; init; } = [];

    /// <summary>Text to put before the subject; null for none.</summary>
    public string? SubjectPrefix { get; init; }

    public bool Equals(RecipientDecision? other) =>
        other is not null
        && ApplyOme == other.ApplyOme
        && string.Equals(BrandingTemplate, other.BrandingTemplate, StringComparison.OrdinalIgnoreCase)
        && RemoveOme == other.RemoveOme
        && Reject == other.Reject
        && Headers.SequenceEqual(other.Headers)
        && SubjectPrefix == other.SubjectPrefix;

    public override int GetHashCode() =>
        HashCode.Combine(ApplyOme, BrandingTemplate?.ToUpperInvariant(), RemoveOme, Reject, Headers.Count, SubjectPrefix);

    /// <summary>The decision in a few words, for the explanation and logs.</summary>
    public string Describe()
    {
        if (Reject is { } reject)
        {
            return $"reject {reject.StatusCode} \"{reject.ReasonText}\"";
        }

        var parts = new List<string>();
        if (ApplyOme) parts.Add(BrandingTemplate is null ? "apply OME" : $"apply OME with template \"{BrandingTemplate}\"");
        if (RemoveOme) parts.Add("remove OME");
        parts.AddRange(Headers.Select(h => $"set header {h.Name}: {h.Value}"));
        if (SubjectPrefix is not null) parts.Add($"prepend subject \"{SubjectPrefix}\"");
        return parts.Count == 0 ? "deliver unchanged" : string.Join("; ", parts);
    }
}
