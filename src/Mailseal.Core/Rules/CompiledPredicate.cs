using Mailseal.Core.Classification;

namespace Mailseal.Core.Rules;

/// <summary>A validated predicate ready to run: its definition with matchers, size or types parsed once.</summary>
internal sealed record CompiledPredicate(
    PredicateDefinition Definition,
    IReadOnlyList<string> Values,
    string? Header,
    IReadOnlyList<TextMatcher> Matchers,
    long Size,
    IReadOnlySet<MessageType> Types)
{
    public string Describe() =>
        Definition.Name + (Header is null ? "" : $" [{Header}]") + " " + string.Join(", ", Values.Select(v => $"\"{v}\""));
}
