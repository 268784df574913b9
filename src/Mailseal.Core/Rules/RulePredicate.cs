using System.Text.Json.Serialization;

namespace Mailseal.Core.Rules;

/// <summary>
/// One condition or exception, by its Exchange name (e.g. "SentToScope", "SubjectContainsWords"), with its
/// values. Header predicates (HeaderContainsWords, HeaderMatchesPatterns) also name the header.
/// Exceptions use the same names without "ExceptIf".
/// </summary>
public sealed record RulePredicate
{
    [JsonPropertyName("name")]
    [JsonRequired]
    public required string Name { get; init; }

    [JsonPropertyName("values")]
    [JsonRequired]
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>The header for HeaderContainsWords (HeaderContainsMessageHeader) and HeaderMatchesPatterns (HeaderMatchesMessageHeader).</summary>
    [JsonPropertyName("header")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Header { get; init; }

    public static RulePredicate Of(string name, params string[] values) => new() { Name = name, Values = values };

    public static RulePredicate OfHeader(string name, string header, params string[] values) =>
        new() { Name = name, Header = header, Values = values };
}
