using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Pipeline;

/// <summary>What became of one copy: a reply per recipient, the envelope id when one was made or opened, and the bytes sent.</summary>
public sealed record CopyResult(CopyPlan Plan, IReadOnlyList<SmtpReply> Replies, string? EnvelopeId = null, long BytesOut = 0)
{
    /// <summary>The Message-ID of an unsealed inner message, remembered for the thread rule.</summary>
    public string? InnerMessageId { get; init; }

    public bool AnyDelivered => Replies.Any(r => r.IsPositive);

    public static CopyResult ForAll(CopyPlan plan, SmtpReply reply) =>
        new(plan, [.. plan.Recipients.Select(_ => reply)]);
}
