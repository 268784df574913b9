using Mailseal.Core.Organization;

namespace Mailseal.Core.Rules;

/// <summary>
/// Every condition and exception Mailseal knows, as data: name, kind of values, whether it depends on the
/// recipient, and how it is evaluated. Exceptions are the same predicates under "ExceptIf" + name.
/// </summary>
internal static class PredicateCatalog
{
    public const string InOrganization = "InOrganization";
    public const string NotInOrganization = "NotInOrganization";
    public const string ExceptIfPrefix = "ExceptIf";

    private static readonly PredicateDefinition[] Table =
    [
        new("From", PredicateValueKind.Addresses, false, (i, p) => Address("sender", i.Facts.Sender, p)),
        new("FromScope", PredicateValueKind.Scope, false, (i, p) => Scope("sender", i.Facts.Sender, i.Organization, p)),
        new("SenderDomainIs", PredicateValueKind.Domains, false, (i, p) => Domain("sender", i.Facts.Sender, p)),
        new("FromAddressContainsWords", PredicateValueKind.Words, false, (i, p) => Text(p, "sender address", i.Facts.Sender)),
        new("FromAddressMatchesPatterns", PredicateValueKind.Patterns, false, (i, p) => Text(p, "sender address", i.Facts.Sender)),
        new("SentTo", PredicateValueKind.Addresses, true, (i, p) => Address("recipient", i.Recipient, p)),
        new("SentToScope", PredicateValueKind.Scope, true, (i, p) => Scope("recipient", i.Recipient, i.Organization, p)),
        new("RecipientDomainIs", PredicateValueKind.Domains, true, (i, p) => Domain("recipient", i.Recipient, p)),
        new("AnyOfRecipientAddressContainsWords", PredicateValueKind.Words, true, (i, p) => Text(p, "recipient address", i.Recipient)),
        new("AnyOfRecipientAddressMatchesPatterns", PredicateValueKind.Patterns, true, (i, p) => Text(p, "recipient address", i.Recipient)),
        new("SubjectContainsWords", PredicateValueKind.Words, false, (i, p) => Text(p, "subject", i.Facts.Subject)),
        new("SubjectMatchesPatterns", PredicateValueKind.Patterns, false, (i, p) => Text(p, "subject", i.Facts.Subject)),
        new("SubjectOrBodyContainsWords", PredicateValueKind.Words, false, (i, p) => Text(p, "subject or body", i.Facts.Subject, i.Facts.BodyText)),
        new("SubjectOrBodyMatchesPatterns", PredicateValueKind.Patterns, false, (i, p) => Text(p, "subject or body", i.Facts.Subject, i.Facts.BodyText)),
        new("HeaderContainsWords", PredicateValueKind.Words, false, Header, "HeaderContainsMessageHeader"),
        new("HeaderMatchesPatterns", PredicateValueKind.Patterns, false, Header, "HeaderMatchesMessageHeader"),
        new("AttachmentNameMatchesPatterns", PredicateValueKind.Patterns, false,
            (i, p) => Text(p, "an attachment name", i.Facts.Attachments.Select(a => a.FileName))),
        new("AttachmentExtensionMatchesWords", PredicateValueKind.Extensions, false, AttachmentExtension),
        new("AttachmentSizeOver", PredicateValueKind.Size, false, AttachmentSize),
        new("MessageSizeOver", PredicateValueKind.Size, false, (i, p) => i.Facts.Size > p.Size
            ? PredicateResult.Yes($"message size {i.Facts.Size} bytes is over {p.Size}")
            : PredicateResult.No($"message size {i.Facts.Size} bytes is not over {p.Size}")),
        new("MessageTypeMatches", PredicateValueKind.MessageTypes, false, MessageType),
    ];

    private static readonly Dictionary<string, PredicateDefinition> ByName =
        Table.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<PredicateDefinition> All => Table;

    /// <summary>Finds a predicate by name, accepting the "ExceptIf" prefix for exceptions.</summary>
    public static PredicateDefinition? Find(string name, bool isException)
    {
        var bare = isException && name.StartsWith(ExceptIfPrefix, StringComparison.OrdinalIgnoreCase) ? name[ExceptIfPrefix.Length..] : name;
        return ByName.GetValueOrDefault(bare);
    }

    private static PredicateResult Address(string who, string address, CompiledPredicate p) =>
        p.Values.Any(v => string.Equals(v.Trim(), address, StringComparison.OrdinalIgnoreCase))
            ? PredicateResult.Yes($"{who} {address} is listed")
            : PredicateResult.No($"{who} {address} is not listed");

    private static PredicateResult Scope(string who, string address, OrganizationSnapshot organization, CompiledPredicate p)
    {
        var scope = organization.IsInOrganization(address) ? InOrganization : NotInOrganization;
        return string.Equals(p.Values[0], scope, StringComparison.OrdinalIgnoreCase)
            ? PredicateResult.Yes($"{who} {address} is {scope}")
            : PredicateResult.No($"{who} {address} is {scope}");
    }

    private static PredicateResult Domain(string who, string address, CompiledPredicate p)
    {
        var domain = AddressParts.Domain(address);
        return p.Values.FirstOrDefault(v => AddressParts.IsDomainOrSubdomain(domain, v.Trim().TrimEnd('.'))) is { } hit
            ? PredicateResult.Yes($"{who} domain {domain} is (or is under) {hit}")
            : PredicateResult.No($"{who} domain {domain} is none of the domains");
    }

    private static PredicateResult Text(CompiledPredicate p, string what, params IEnumerable<string> texts) =>
        TextMatchers.FirstMatch(p.Matchers, what, texts);

    private static PredicateResult Header(PredicateInput input, CompiledPredicate p)
    {
        var values = input.Facts.Headers.Where(h => string.Equals(h.Field, p.Header, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value).ToList();
        return values.Count == 0
            ? PredicateResult.No($"the message has no {p.Header} header")
            : TextMatchers.FirstMatch(p.Matchers, $"header {p.Header}", values);
    }

    private static PredicateResult AttachmentExtension(PredicateInput input, CompiledPredicate p)
    {
        var hit = input.Facts.Attachments.FirstOrDefault(a =>
            p.Values.Any(v => string.Equals(v.Trim().TrimStart('.'), a.Extension, StringComparison.OrdinalIgnoreCase)));
        return hit is null
            ? PredicateResult.No("no attachment has one of the extensions")
            : PredicateResult.Yes($"attachment \"{hit.FileName}\" has extension {hit.Extension}");
    }

    private static PredicateResult AttachmentSize(PredicateInput input, CompiledPredicate p) =>
        input.Facts.Attachments.FirstOrDefault(a => a.Size > p.Size) is { } hit
            ? PredicateResult.Yes($"attachment \"{hit.FileName}\" has {hit.Size} bytes, over {p.Size}")
            : PredicateResult.No($"no attachment is over {p.Size} bytes");

    private static PredicateResult MessageType(PredicateInput input, CompiledPredicate p)
    {
        var classification = input.Facts.Classification;
        var hits = p.Types.Where(classification.Has).ToList();
        return hits.Count > 0
            ? PredicateResult.Yes($"message is of type {hits[0]}")
            : PredicateResult.No($"message is {classification.Class}, types: {(classification.Types.Count == 0 ? "none" : string.Join(", ", classification.Types.Order()))}");
    }
}
