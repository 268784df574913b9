using System.ComponentModel.DataAnnotations;

namespace Mailseal.Portal.Replying;

/// <summary>Settings of replying from the portal, bound from "Portal:Reply" (docs/portal-reading.md).</summary>
public sealed class ReplyOptions
{
    public const string SectionName = "Portal:Reply";

    /// <summary>
    /// The address sealed replies come from (the wrapper's From, with the replier's name, and the envelope
    /// sender), e.g. secure-reply@example.org. Its domain's DKIM key signs them. Required.
    /// </summary>
    [Required]
    public string? ServiceAddress { get; set; }

    /// <summary>Most bytes of all attachments of one reply together.</summary>
    [Range(0, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 20L * 1024 * 1024;

    [Range(0, 10_000)]
    public int MaxAttachments { get; set; } = 20;

    /// <summary>Most To and Cc recipients of one reply (the replier's own copy not counted).</summary>
    [Range(1, 10_000)]
    public int MaxRecipients { get; set; } = 100;

    /// <summary>Longest reply text, in characters.</summary>
    [Range(1, 10_000_000)]
    public int MaxTextLength { get; set; } = 100_000;
}
