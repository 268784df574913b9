using MimeKit;

namespace Mailseal.Portal.Viewing;

/// <summary>What <see cref="MessageWalker"/> found in one message: the parts to show, to list and to inline.</summary>
internal sealed class WalkedMessage(string partId, MimeMessage message)
{
    public string PartId { get; } = partId;

    public MimeMessage Message { get; } = message;

    /// <summary>The text/plain and text/html parts shown as the body, in order.</summary>
    public List<TextPart> Bodies { get; } = [];

    public List<(string Id, MimePart Part)> Attachments { get; } = [];

    /// <summary>Images a cid: URL may name, by Content-ID.</summary>
    public Dictionary<string, InlineImage> InlineImages { get; } = new(StringComparer.Ordinal);

    public List<WalkedMessage> Nested { get; } = [];

    public bool PartsOmitted { get; set; }
}
