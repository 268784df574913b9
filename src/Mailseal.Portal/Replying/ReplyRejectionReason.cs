namespace Mailseal.Portal.Replying;

/// <summary>Why a reply was not sent; the web side shows a text for each.</summary>
public enum ReplyRejectionReason
{
    /// <summary>The original names nobody to answer (no usable From or Reply-To), or Forward got no address.</summary>
    NoRecipients,

    /// <summary>A forward address is not a usable mail address.</summary>
    InvalidRecipient,

    TooManyRecipients,

    TextTooLong,

    TooManyAttachments,

    AttachmentsTooLarge,

    /// <summary>The whole reply, the forwarded original included, is larger than a sealed message may be.</summary>
    MessageTooLarge,

    /// <summary>A transport rule of the organisation rejects this message.</summary>
    RejectedByRule,
}
