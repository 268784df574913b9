using System.Text.RegularExpressions;
using Mailseal.Core.Classification;

namespace Mailseal.Core.Rules;

/// <summary>
/// Checks a rule before it is stored or run, and compiles it. Every error is a
/// <see cref="TransportRuleValidationException"/> naming the parameter (e.g. "ExceptIfSubjectMatchesPatterns").
/// </summary>
public static class TransportRuleValidator
{
    public const int MaxNameLength = 64;

    /// <summary>How long one pattern may run on one text before it counts as no match.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly Regex StatusCodeForm = new(@"^5\.7\.[0-9]{1,3}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Validate(TransportRule rule) => Compile(rule, DefaultMatchTimeout);

    internal static CompiledTransportRule Compile(TransportRule rule, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > MaxNameLength || rule.Name.Any(char.IsControl))
        {
            throw new TransportRuleValidationException("Name", $"must be 1 to {MaxNameLength} characters without control characters.");
        }

        if (rule.Priority < 0)
        {
            throw new TransportRuleValidationException("Priority", "must be 0 or more.");
        }

        if (rule.ActivationDate is { } from && rule.ExpiryDate is { } until && until <= from)
        {
            throw new TransportRuleValidationException("ExpiryDate", "must be later than ActivationDate.");
        }

        ValidateActions(rule.Actions ?? throw new TransportRuleValidationException("Actions", "must be given."));
        return new CompiledTransportRule(rule,
            CompileAll(rule.Conditions, isException: false, matchTimeout),
            CompileAll(rule.Exceptions, isException: true, matchTimeout));
    }

    private static List<CompiledPredicate> CompileAll(IReadOnlyList<RulePredicate>? predicates, bool isException, TimeSpan matchTimeout)
    {
        var compiled = new List<CompiledPredicate>();
        foreach (var predicate in predicates ?? [])
        {
            var parameter = (isException ? PredicateCatalog.ExceptIfPrefix : "") + predicate.Name;
            var definition = PredicateCatalog.Find(predicate.Name, isException)
                ?? throw new TransportRuleValidationException(parameter, $"is not a known {(isException ? "exception" : "condition")}.");
            compiled.Add(CompilePredicate(definition, predicate, (isException ? PredicateCatalog.ExceptIfPrefix : "") + definition.Name, matchTimeout));
        }

        return compiled;
    }

    private static CompiledPredicate CompilePredicate(PredicateDefinition definition, RulePredicate predicate, string parameter, TimeSpan matchTimeout)
    {
        var values = predicate.Values ?? [];
        if (values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
        {
            throw new TransportRuleValidationException(parameter, "needs at least one value, and no value may be empty.");
        }

        var header = ValidateHeaderParameter(definition, predicate.Header, parameter);
        var matchers = new List<TextMatcher>();
        long size = 0;
        var types = new HashSet<MessageType>();
        switch (definition.ValueKind)
        {
            case PredicateValueKind.Words:
                matchers.AddRange(values.Select(v => TextMatcher.Word(v, matchTimeout)));
                break;
            case PredicateValueKind.Patterns:
                matchers.AddRange(values.Select(v => CompilePattern(v, parameter, matchTimeout)));
                break;
            case PredicateValueKind.Scope when values.Count != 1
                || !(values[0].Equals(PredicateCatalog.InOrganization, StringComparison.OrdinalIgnoreCase)
                    || values[0].Equals(PredicateCatalog.NotInOrganization, StringComparison.OrdinalIgnoreCase)):
                throw new TransportRuleValidationException(parameter, "must be InOrganization or NotInOrganization.");
            case PredicateValueKind.Size when values.Count != 1 || !ByteSize.TryParse(values[0], out size):
                throw new TransportRuleValidationException(parameter, "must be one size such as 500KB or 10MB.");
            case PredicateValueKind.MessageTypes:
                foreach (var value in values)
                {
                    types.Add(Enum.TryParse<MessageType>(value.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type)
                        ? type
                        : throw new TransportRuleValidationException(parameter, $"\"{value}\" is not a message type ({string.Join(", ", Enum.GetNames<MessageType>())})."));
                }

                break;
            case PredicateValueKind.Addresses or PredicateValueKind.Domains or PredicateValueKind.Extensions
                when values.Any(v => v.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))):
                throw new TransportRuleValidationException(parameter, "values may not contain spaces or control characters.");
        }

        return new CompiledPredicate(definition, values, header, matchers, size, types);
    }

    private static string? ValidateHeaderParameter(PredicateDefinition definition, string? header, string parameter)
    {
        if (definition.HeaderParameter is null)
        {
            return header is null ? null : throw new TransportRuleValidationException(parameter, "takes no header name.");
        }

        var headerParameter = (parameter.StartsWith(PredicateCatalog.ExceptIfPrefix, StringComparison.Ordinal) ? PredicateCatalog.ExceptIfPrefix : "") + definition.HeaderParameter;
        if (!IsHeaderName(header))
        {
            throw new TransportRuleValidationException(headerParameter, "must be a header name: printable ASCII without spaces, control characters or ':'.");
        }

        return header;
    }

    private static TextMatcher CompilePattern(string pattern, string parameter, TimeSpan matchTimeout)
    {
        try
        {
            return TextMatcher.Pattern(pattern, matchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new TransportRuleValidationException(parameter, $"\"{pattern}\" is not a valid regular expression: {ex.Message}", ex);
        }
    }

    private static void ValidateActions(RuleActions actions)
    {
        if (actions.ApplyOme && actions.RemoveOme)
        {
            throw new TransportRuleValidationException("RemoveOME", "cannot be set together with ApplyOME.");
        }

        if (actions.ApplyOmeBrandingTemplate is { } template
            && (!actions.ApplyOme || string.IsNullOrWhiteSpace(template) || template.Any(char.IsControl)))
        {
            throw new TransportRuleValidationException("ApplyOMEBrandingTemplate", "needs ApplyOME and a name without control characters.");
        }

        if ((actions.SetHeaderName is null) != (actions.SetHeaderValue is null))
        {
            throw new TransportRuleValidationException(actions.SetHeaderName is null ? "SetHeaderName" : "SetHeaderValue", "SetHeaderName and SetHeaderValue go together.");
        }

        if (actions.SetHeaderName is not null && !IsHeaderName(actions.SetHeaderName))
        {
            throw new TransportRuleValidationException("SetHeaderName", "must be a header name: printable ASCII without spaces, control characters or ':'.");
        }

        RejectLineBreaks(actions.SetHeaderValue, "SetHeaderValue");
        RejectLineBreaks(actions.PrependSubject, "PrependSubject");
        RejectLineBreaks(actions.RejectMessageReasonText, "RejectMessageReasonText");
        if (actions.RejectMessageEnhancedStatusCode is { } code)
        {
            if (actions.RejectMessageReasonText is null)
            {
                throw new TransportRuleValidationException("RejectMessageEnhancedStatusCode", "needs RejectMessageReasonText.");
            }

            if (!StatusCodeForm.IsMatch(code))
            {
                throw new TransportRuleValidationException("RejectMessageEnhancedStatusCode", $"\"{code}\" must have the form 5.7.x (x from 0 to 999).");
            }
        }
    }

    private static void RejectLineBreaks(string? text, string parameter)
    {
        if (text is not null && (text.Length == 0 || text.Any(char.IsControl)))
        {
            throw new TransportRuleValidationException(parameter, "may not be empty or contain line breaks or other control characters.");
        }
    }

    private static bool IsHeaderName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 128 && name.All(c => c is > ' ' and < '\u007f' and not ':');
}
