using Mailseal.Core.Organization;
using Mailseal.Core.Rules;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// Turns the rules' copies into what the pipeline does with each: the loop rule (a verified envelope is never
/// sealed again), the Submission rule (the portal's mail is never sealed again), the thread rule (external
/// recipients of an answer in a sealed thread get the envelope) and the message-class setting.
/// </summary>
public static class CopyPlanner
{
    /// <summary>The facts of the message that decide the plan besides the rules.</summary>
    /// <param name="IsOrdinary">The message class is Ordinary.</param>
    /// <param name="VerifiedEnvelope">The message is an envelope whose license verified with this organisation's keys.</param>
    /// <param name="FromSubmission">The message came in on the Submission listener.</param>
    /// <param name="AnswersSealedThread">In-Reply-To or References name a remembered Message-ID.</param>
    public sealed record Context(bool IsOrdinary, bool VerifiedEnvelope, bool FromSubmission, bool AnswersSealedThread);

    public static IReadOnlyList<CopyPlan> Plan(RuleEvaluation evaluation, OrganizationSnapshot organization, string sender,
        Context context, NonOrdinaryMessageHandling nonOrdinary)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(context);
        var plans = new List<CopyPlan>();
        foreach (var copy in evaluation.Copies)
        {
            var decision = copy.Decision;
            if (decision.Reject is { } reject)
            {
                plans.Add(new CopyPlan(copy.Recipients, CopyAction.Reject, decision, PipelineReplies.Rejected(reject)));
                continue;
            }

            var threadRule = context.AnswersSealedThread && !decision.ApplyOme && !context.FromSubmission && !context.VerifiedEnvelope;
            var byThread = threadRule ? copy.Recipients.Where(r => !organization.IsInOrganization(r)).ToList() : [];
            var rest = copy.Recipients.Except(byThread, StringComparer.OrdinalIgnoreCase).ToList();
            if (byThread.Count > 0)
            {
                plans.Add(PlanOne(byThread, decision with { ApplyOme = true }, organization, sender, context, nonOrdinary, byThreadRule: true));
            }

            if (rest.Count > 0)
            {
                plans.Add(PlanOne(rest, decision, organization, sender, context, nonOrdinary, byThreadRule: false));
            }
        }

        return plans;
    }

    private static CopyPlan PlanOne(IReadOnlyList<string> recipients, RecipientDecision decision, OrganizationSnapshot organization,
        string sender, Context context, NonOrdinaryMessageHandling nonOrdinary, bool byThreadRule)
    {
        if (decision.RemoveOme && context.VerifiedEnvelope && !decision.ApplyOme)
        {
            return new CopyPlan(recipients, CopyAction.Unseal, decision);
        }

        if (!decision.ApplyOme || context.FromSubmission || context.VerifiedEnvelope)
        {
            // The portal's own mail and our own envelopes are never sealed again.
            return new CopyPlan(recipients, CopyAction.Plain, decision);
        }

        if (!context.IsOrdinary)
        {
            return nonOrdinary == NonOrdinaryMessageHandling.Reject
                ? new CopyPlan(recipients, CopyAction.Reject, decision, PipelineReplies.NonOrdinaryRefused)
                : new CopyPlan(recipients, CopyAction.Plain, decision, PassedUnsealed: true);
        }

        if (byThreadRule && organization.FindUser(sender) is { MaySendEncrypted: false })
        {
            return new CopyPlan(recipients, CopyAction.Reject, decision, PipelineReplies.Rejected(RecipientDecision.SenderMayNotEncrypt), ByThreadRule: true);
        }

        return new CopyPlan(recipients, CopyAction.Seal, decision, ByThreadRule: byThreadRule);
    }
}
