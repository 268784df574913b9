using System.Collections.ObjectModel;
using System.Management.Automation;
using Mailseal.Core.Rules;

namespace Mailseal.PowerShell.Cmdlets;

/// <summary>
/// The conditions and exceptions of New- and Set-TransportRule as parameters, made from the rules' own predicate
/// list (<see cref="RulePredicates"/>) so that every predicate the gateway knows is offered under its Exchange
/// name: -SentToScope, -ExceptIfSubjectContainsWords, -HeaderContainsMessageHeader, …
/// </summary>
internal sealed class TransportRulePredicateParameters
{
    private readonly List<(string Parameter, string? HeaderParameter)> _predicates = [];

    public TransportRulePredicateParameters()
    {
        foreach (var predicate in RulePredicates.Parameters)
        {
            foreach (var prefix in new[] { "", RulePredicates.ExceptIfPrefix })
            {
                var parameter = prefix + predicate.Name;
                var values = new RuntimeDefinedParameter(parameter, typeof(string[]), Attributes(predicate.ValueKind));
                Dictionary.Add(parameter, values);
                string? headerParameter = null;
                if (predicate.HeaderParameter is { } header)
                {
                    headerParameter = prefix + header;
                    Dictionary.Add(headerParameter, new RuntimeDefinedParameter(headerParameter, typeof(string), Attributes(null)));
                }

                _predicates.Add((parameter, headerParameter));
            }
        }
    }

    public RuntimeDefinedParameterDictionary Dictionary { get; } = [];

    /// <summary>The predicates the caller gave; one given as "" or $null has no values, which removes it.</summary>
    public List<RulePredicate> Given()
    {
        var given = new List<RulePredicate>();
        foreach (var (parameter, headerParameter) in _predicates)
        {
            var values = Dictionary[parameter];
            var header = headerParameter is null ? null : Dictionary[headerParameter];
            if (values.IsSet || header is { IsSet: true })
            {
                var texts = values.IsSet ? (values.Value as string[] ?? []) : [];
                given.Add(new RulePredicate
                {
                    Name = parameter,
                    Values = [.. texts.Where(v => !string.IsNullOrEmpty(v))],
                    Header = header is { IsSet: true, Value: string name } && name.Length > 0 ? name : null,
                });
            }
        }

        return given;
    }

    private static Collection<Attribute> Attributes(PredicateValueKind? kind)
    {
        var attributes = new Collection<Attribute>
        {
            new ParameterAttribute { ValueFromPipelineByPropertyName = false },
            new AllowNullAttribute(),
            new AllowEmptyStringAttribute(),
        };
        if (kind is not null)
        {
            attributes.Add(new AllowEmptyCollectionAttribute());
        }

        if (kind == PredicateValueKind.Scope)
        {
            // "" stays allowed: it removes the predicate.
            attributes.Add(new ArgumentCompleterAttribute(typeof(ScopeCompleter)));
        }

        return attributes;
    }
}
