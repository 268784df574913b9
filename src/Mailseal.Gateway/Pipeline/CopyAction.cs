namespace Mailseal.Gateway.Pipeline;

/// <summary>What the pipeline does with one copy.</summary>
public enum CopyAction
{
    /// <summary>Delivered as received, with the copy's header actions and a Received field.</summary>
    Plain,

    /// <summary>Sealed into a wrapper mail; never delivered in plain text whatever fails.</summary>
    Seal,

    /// <summary>A verified envelope of this organisation replaced by its inner message.</summary>
    Unseal,

    /// <summary>Refused with <see cref="CopyPlan.RejectReply"/>.</summary>
    Reject,
}
