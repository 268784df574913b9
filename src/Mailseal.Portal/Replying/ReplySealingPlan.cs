using Mailseal.Core.Branding;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using MimeKit;

namespace Mailseal.Portal.Replying;

/// <summary>
/// The branding and language the gateway would choose for this sender (docs/gateway.md): the organisation's
/// transport rules are evaluated on the reply as from the replier, recipients with the same branding template
/// share one envelope, and the language is the replier's user language or English. A rule that rejects a
/// recipient rejects the reply.
/// </summary>
internal sealed class ReplySealingPlan(ITransportRuleStore rules, IOrganizationStore organization, TimeProvider time)
{
    /// <summary>Recipients grouped by branding template, in order of first appearance.</summary>
    public sealed record Group(string BrandingTemplate, IReadOnlyList<string> Recipients);

    public sealed record Plan(string Language, IReadOnlyList<Group> Groups, string ReplierBranding);

    /// <summary>Evaluates the rules for the recipients, and for the replier too when they get a copy of their own.</summary>
    public async Task<Plan> MakeAsync(
        MimeMessage reply, Replier replier, IReadOnlyList<string> recipients, bool copyToReplier, long size, CancellationToken cancellationToken)
    {
        var snapshot = await OrganizationSnapshot.LoadAsync(organization, cancellationToken);
        var ruleSet = RuleSet.Compile(await rules.ListAsync(cancellationToken));
        var facts = MessageFacts.From(reply, replier.Address, copyToReplier ? [.. recipients, replier.Address] : recipients, size);
        var evaluation = new RuleEvaluator(time).Evaluate(facts, snapshot, ruleSet);
        var branding = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var outcome in evaluation.Recipients)
        {
            if (outcome.Decision.Reject is { } reject)
            {
                throw new ReplyRejectedException(ReplyRejectionReason.RejectedByRule, $"A transport rule rejects the reply: {reject.StatusCode}.");
            }

            branding[outcome.Recipient] = outcome.Decision is { ApplyOme: true, BrandingTemplate: { } template } ? template : OmeConfiguration.DefaultIdentity;
        }

        var groups = recipients
            .GroupBy(r => branding.GetValueOrDefault(r.Trim(), OmeConfiguration.DefaultIdentity), StringComparer.OrdinalIgnoreCase)
            .Select(g => new Group(g.Key, [.. g]))
            .ToList();
        var language = snapshot.FindUser(replier.Address)?.Language ?? "en";
        return new Plan(language, groups, branding.GetValueOrDefault(replier.Address.Trim(), OmeConfiguration.DefaultIdentity));
    }
}
