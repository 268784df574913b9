using Mailseal.Core.Classification;
using Mailseal.Core.Rules;
using Mailseal.Core.Tracking;
using Mailseal.Gateway.Front;
using Mailseal.Gateway.Metrics;
using Mailseal.Protection.Sealing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// The gateway's pipeline (docs/gateway.md): parse once, check depth and hops, evaluate the rules per recipient,
/// plan the copies (loops, Submission, thread rule, message class), then seal, unseal or pass each copy and
/// answer per recipient. Fail closed: a copy meant to be sealed is sealed or answered 4xx/5xx, never sent plain.
/// </summary>
public sealed class GatewayMessageHandler(
    MailFlowPolicyCache policies,
    EnvelopeInspector envelopes,
    ThreadMemory threads,
    CopyDeliverer copies,
    TrafficRecorder traffic,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<GatewayMessageHandler> logger,
    GatewayMetrics metrics) : IMessageHandler
{
    public async Task<MessageOutcome> HandleAsync(MessageTransaction transaction, Stream message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var parsed = ParsedMessage.Parse(transaction, message, cancellationToken);
        var facts = parsed.Facts;
        if (parsed.MimeDepth > settings.MaxMimeDepth)
        {
            return Finish(transaction, parsed, [], PipelineReplies.TooDeep);
        }

        if (parsed.Hops > settings.MaxHops)
        {
            return Finish(transaction, parsed, [], PipelineReplies.Loop);
        }

        var (organization, rules) = await policies.GetAsync(cancellationToken);
        var evaluation = new RuleEvaluator(time).Evaluate(facts, organization, rules);
        var fromSubmission = transaction.Protocol == FrontProtocol.Submission;
        var verified = await VerifyEnvelopeAsync(transaction, parsed, message, cancellationToken);
        var answersThread = settings.KeepThreadsSealed && !fromSubmission && !verified
            && await threads.AnswersSealedThreadAsync(parsed.Message, cancellationToken);
        var context = new CopyPlanner.Context(IsOrdinary(parsed, verified), verified, fromSubmission, answersThread);
        var plans = CopyPlanner.Plan(evaluation, organization, facts.Sender, context, settings.NonOrdinaryMessages);
        var language = organization.FindUser(facts.Sender)?.Language ?? "en";
        Task? sealedThread = null;
        var results = new List<CopyResult>();
        foreach (var plan in plans)
        {
            var delivering = DeliverCopyAsync(new CopyRequest(transaction, message, plan, facts.Sender, language), cancellationToken);
            sealedThread ??= RememberSealedThreadAsync(transaction, parsed, plans, cancellationToken);
            var result = await delivering;
            results.Add(result);
            var direction = TrafficRecorder.DirectionOf(result, organization, facts.Sender);
            metrics.CopyHandled(result, direction);
            await TrackAsync(transaction, result, evaluation, direction, cancellationToken);
        }

        await (sealedThread ?? Task.CompletedTask);

        foreach (var (recipient, match) in logger.IsEnabled(LogLevel.Information) ? evaluation.Notifications : [])
        {
            var hash = RecipientHash.Of(recipient);
            PipelineLog.Notify(logger, transaction.TransactionId, match.RuleName, hash);
        }

        return Finish(transaction, parsed, results, PipelineReplies.TemporaryFailure, evaluation);
    }

    /// <summary>
    /// The mark makes the classifier say Encrypted; an unverified mark proves nothing, so the class is taken
    /// without it (a forged mark must not let plain text out).
    /// </summary>
    private static bool IsOrdinary(ParsedMessage parsed, bool verified)
    {
        var classification = parsed.Facts.Classification;
        if (classification.IsOrdinary || verified || !classification.HasMailsealMark)
        {
            return classification.IsOrdinary;
        }

        parsed.Message.Headers.RemoveAll(MessageClassifier.MailsealMarkHeader);
        return MessageClassifier.Classify(parsed.Message).IsOrdinary;
    }

    private async Task<bool> VerifyEnvelopeAsync(MessageTransaction transaction, ParsedMessage parsed, Stream message, CancellationToken cancellationToken)
    {
        if (!parsed.Facts.Classification.HasMailsealMark && !parsed.HasMessageHtml)
        {
            return false;
        }

        var license = await envelopes.VerifyAsync(message, cancellationToken);
        if (license is null)
        {
            PipelineLog.EnvelopeNotVerified(logger, transaction.TransactionId);
        }

        return license is not null;
    }

    /// <summary>The one place where a copy's failure becomes a reply: nothing here falls back to plain text.</summary>
    private async Task<CopyResult> DeliverCopyAsync(CopyRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await copies.DeliverAsync(request, cancellationToken);
        }
        catch (SealingRefusedException ex)
        {
            var reason = ex.Reason.ToString();
            PipelineLog.SealingRefused(logger, request.Transaction.TransactionId, reason);
            return CopyResult.ForAll(request.Plan, PipelineReplies.Refused(ex.Reason));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Store, key, disk or any unexpected failure: 4xx keeps the message at the sender; logged, not silent.
            var action = request.Plan.Action.ToString();
            PipelineLog.CopyFailed(logger, ex, request.Transaction.TransactionId, action);
            return CopyResult.ForAll(request.Plan, PipelineReplies.TemporaryFailure);
        }
    }

    private async Task TrackAsync(MessageTransaction transaction, CopyResult result, RuleEvaluation evaluation,
        TrafficDirection direction, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogCopy(transaction, result, evaluation);
        }

        traffic.Record(TrafficRecorder.CountsFor(result, evaluation, direction, traffic.Today));
        if (result.AnyDelivered && result.Plan.Action == CopyAction.Unseal && result.InnerMessageId is { Length: > 0 } innerId)
        {
            await RememberThreadAsync(transaction, innerId, cancellationToken);
        }
    }

    /// <summary>
    /// A message with a copy to seal is remembered once its first copy is on its way, while that copy waits for the next
    /// hop's answer to its data: the store's write (SQLite's, on this thread; PostgreSQL's round trip) overlaps the wait
    /// instead of adding to the reply's time, and still ends before any reply. Remembering a message whose copy then
    /// fails only keeps more of its thread sealed.
    /// </summary>
    private Task RememberSealedThreadAsync(
        MessageTransaction transaction, ParsedMessage parsed, IReadOnlyList<CopyPlan> plans, CancellationToken cancellationToken) =>
        plans.Any(p => p.Action == CopyAction.Seal) && parsed.Message.MessageId is { Length: > 0 } sealedId
            ? RememberThreadAsync(transaction, sealedId, cancellationToken)
            : Task.CompletedTask;

    private async Task RememberThreadAsync(MessageTransaction transaction, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await threads.RememberAsync(messageId, cancellationToken);
        }
#pragma warning disable CA1031 // The copy may already be delivered: answering 4xx now would duplicate it. Logged, never silent.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            PipelineLog.TrackingFailed(logger, transaction.TransactionId, ex.Message);
        }
    }

    private void LogCopy(MessageTransaction transaction, CopyResult result, RuleEvaluation evaluation)
    {
        var rulesMatched = string.Join(",", evaluation.Recipients
            .Where(o => result.Plan.Recipients.Contains(o.Recipient, StringComparer.OrdinalIgnoreCase))
            .SelectMany(o => o.MatchedRules.Select(m => m.RuleName)).Distinct(StringComparer.OrdinalIgnoreCase));
        var action = result.Plan.Action.ToString();
        var recipients = string.Join(",", result.Plan.Recipients.Select(RecipientHash.Of));
        var codes = string.Join(",", result.Replies.Select(r => r.Code).Distinct());
        PipelineLog.Copy(logger, transaction.TransactionId, action, result.EnvelopeId, recipients, rulesMatched, result.BytesOut, codes);
    }

    private MessageOutcome Finish(MessageTransaction transaction, ParsedMessage parsed, List<CopyResult> results,
        SmtpReply fallback, RuleEvaluation? evaluation = null)
    {
        var byRecipient = new Dictionary<string, SmtpReply>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in results)
        {
            for (var i = 0; i < result.Plan.Recipients.Count; i++)
            {
                byRecipient[result.Plan.Recipients[i]] = result.Replies[i];
            }
        }

        var replies = transaction.Recipients.Select(r => byRecipient.GetValueOrDefault(r.Trim(), fallback)).ToList();
        if (logger.IsEnabled(LogLevel.Information))
        {
            var rules = evaluation is null ? "" : string.Join(",", evaluation.Recipients.SelectMany(o => o.MatchedRules.Select(m => m.RuleName)).Distinct(StringComparer.OrdinalIgnoreCase));
            var messageClass = parsed.Facts.Classification.Class.ToString();
            var codes = string.Join(",", replies.Select(r => r.Code).Distinct());
            PipelineLog.Message(logger, transaction.TransactionId, transaction.MessageBytes, messageClass, results.Count, rules, codes);
        }

        return new MessageOutcome(replies);
    }
}
