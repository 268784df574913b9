using Mailseal.Core.Organization;
using Mailseal.Core.Rules;

namespace Mailseal.Gateway.Pipeline;

/// <summary>What the rules are evaluated against: the organisation and the compiled rules, read together.</summary>
public sealed record MailFlowPolicy(OrganizationSnapshot Organization, RuleSet Rules);
