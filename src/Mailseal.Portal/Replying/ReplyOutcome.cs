namespace Mailseal.Portal.Replying;

/// <summary>The reply that was sealed and submitted.</summary>
/// <param name="MessageId">The reply's Message-ID (without angle brackets).</param>
/// <param name="Submissions">One per sealed envelope, in the order they were submitted.</param>
public sealed record ReplyOutcome(string MessageId, IReadOnlyList<ReplySubmission> Submissions)
{
    /// <summary>True when the gateway accepted every envelope for every recipient.</summary>
    public bool AllAccepted => Submissions.All(s => s.Result.AllDelivered);
}
