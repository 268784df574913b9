using Mailseal.Core.Organization;

namespace Mailseal.Core.Rules;

/// <summary>What a predicate is evaluated against: the message, one recipient of it, and the organisation.</summary>
internal sealed record PredicateInput(MessageFacts Facts, string Recipient, OrganizationSnapshot Organization);
