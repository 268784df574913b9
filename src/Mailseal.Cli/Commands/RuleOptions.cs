using System.CommandLine;
using System.Text;
using Mailseal.Core.Administration;
using Mailseal.Core.Rules;

namespace Mailseal.Cli.Commands;

/// <summary>
/// The options of `rules new` and `rules set`, named after the Exchange parameters in kebab case. The predicate
/// options (every condition, and each again as --except-if-…) are generated from the rules' predicate catalogue.
/// </summary>
internal sealed class RuleOptions
{
    private readonly List<(RulePredicateParameter Predicate, string Parameter, Option<string[]> Values, Option<string>? Header)> _predicates = [];
    private readonly Option<int?> _priority;
    private readonly Option<RuleMode?> _mode;
    private readonly Option<RuleState?> _state;
    private readonly Option<string?> _comments;
    private readonly Option<DateTimeOffset?> _activationDate;
    private readonly Option<DateTimeOffset?> _expiryDate;
    private readonly Option<bool?> _stopRuleProcessing;
    private readonly Option<bool?> _applyOme;
    private readonly Option<string?> _brandingTemplate;
    private readonly Option<bool?> _removeOme;
    private readonly Option<string?> _setHeaderName;
    private readonly Option<string?> _setHeaderValue;
    private readonly Option<string?> _prependSubject;
    private readonly Option<string?> _rejectText;
    private readonly Option<string?> _rejectCode;

    public RuleOptions(Command command)
    {
        foreach (var predicate in RulePredicates.Parameters)
        {
            foreach (var parameter in new[] { predicate.Name, RulePredicates.ExceptIfPrefix + predicate.Name })
            {
                var values = command.With(new Option<string[]>("--" + Kebab(parameter))
                {
                    Description = $"{parameter} ({predicate.ValueKind}); \"\" removes it.",
                    AllowMultipleArgumentsPerToken = true,
                });
                var header = predicate.HeaderParameter is { } headerName
                    ? command.With(new Option<string>("--" + Kebab(parameter.Replace(predicate.Name, headerName, StringComparison.Ordinal)))
                    {
                        Description = $"The header {parameter} looks at.",
                    })
                    : null;
                _predicates.Add((predicate, parameter, values, header));
            }
        }

        _priority = command.With(new Option<int?>("--priority") { Description = "0 runs first; the rules from there on move down by one." });
        _mode = command.With(new Option<RuleMode?>("--mode") { Description = "Enforce, Audit or AuditAndNotify." });
        _state = command.With(new Option<RuleState?>("--state") { Description = "Enabled or Disabled." });
        _comments = command.With(new Option<string?>("--comments") { Description = "Free text; \"\" clears it." });
        _activationDate = command.With(new Option<DateTimeOffset?>("--activation-date") { Description = "UTC time before which the rule does not apply." });
        _expiryDate = command.With(new Option<DateTimeOffset?>("--expiry-date") { Description = "UTC time from which the rule does not apply." });
        _stopRuleProcessing = command.With(new Option<bool?>("--stop-rule-processing") { Description = "No later rule runs for a recipient this one matched.", Arity = ArgumentArity.ZeroOrOne });
        _applyOme = command.With(new Option<bool?>("--apply-ome") { Description = "Seal the message (ApplyOME).", Arity = ArgumentArity.ZeroOrOne });
        _brandingTemplate = command.With(new Option<string?>("--apply-ome-branding-template") { Description = "The OME configuration of the wrapper; \"\" for the default." });
        _removeOme = command.With(new Option<bool?>("--remove-ome") { Description = "Unseal an envelope of this organisation (RemoveOME).", Arity = ArgumentArity.ZeroOrOne });
        _setHeaderName = command.With(new Option<string?>("--set-header-name") { Description = "A header to set (with --set-header-value)." });
        _setHeaderValue = command.With(new Option<string?>("--set-header-value") { Description = "Its value." });
        _prependSubject = command.With(new Option<string?>("--prepend-subject") { Description = "Text put before the subject." });
        _rejectText = command.With(new Option<string?>("--reject-message-reason-text") { Description = "Reject with this text." });
        _rejectCode = command.With(new Option<string?>("--reject-message-enhanced-status-code") { Description = "5.7.x (default 5.7.1)." });
    }

    /// <summary>The change the given options describe; options not given stay null (unchanged).</summary>
    public TransportRuleChange ToChange(ParseResult parse, string? name)
    {
        var predicates = new List<RulePredicate>();
        foreach (var (_, parameter, valuesOption, headerOption) in _predicates)
        {
            var values = parse.GetResult(valuesOption) is null ? null : parse.GetValue(valuesOption) ?? [];
            var header = headerOption is null ? null : parse.GetValue(headerOption);
            if (values is not null || header is not null)
            {
                predicates.Add(new RulePredicate { Name = parameter, Values = [.. (values ?? []).Where(v => v.Length > 0)], Header = header });
            }
        }

        return new TransportRuleChange
        {
            Name = name,
            Priority = parse.GetValue(_priority),
            Mode = parse.GetValue(_mode),
            State = parse.GetValue(_state),
            Comments = parse.GetValue(_comments),
            ActivationDate = parse.GetValue(_activationDate),
            ExpiryDate = parse.GetValue(_expiryDate),
            StopRuleProcessing = Flag(parse, _stopRuleProcessing),
            Predicates = predicates,
            ApplyOme = Flag(parse, _applyOme),
            ApplyOmeBrandingTemplate = parse.GetValue(_brandingTemplate),
            RemoveOme = Flag(parse, _removeOme),
            SetHeaderName = parse.GetValue(_setHeaderName),
            SetHeaderValue = parse.GetValue(_setHeaderValue),
            PrependSubject = parse.GetValue(_prependSubject),
            RejectMessageReasonText = parse.GetValue(_rejectText),
            RejectMessageEnhancedStatusCode = parse.GetValue(_rejectCode),
        };
    }

    /// <summary>"SentToScope" → "sent-to-scope", "ApplyOMEBrandingTemplate" → "apply-ome-branding-template".</summary>
    public static string Kebab(string pascal)
    {
        var kebab = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            var startsWord = char.IsUpper(c) && i > 0
                && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1])));
            if (startsWord)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }

    /// <summary>A switch given alone means true; "--apply-ome false" sets false; not given, null.</summary>
    private static bool? Flag(ParseResult parse, Option<bool?> option) =>
        parse.GetResult(option) is null ? null : parse.GetValue(option) ?? true;
}
