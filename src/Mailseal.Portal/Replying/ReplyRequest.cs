namespace Mailseal.Portal.Replying;

/// <summary>What the replier wrote in the portal.</summary>
/// <param name="Kind">Reply, reply all or forward.</param>
/// <param name="Text">The reply's text; sent as text/plain UTF-8.</param>
/// <param name="Attachments">Files the replier added.</param>
/// <param name="ForwardTo">The addresses to forward to; only read for <see cref="ReplyKind.Forward"/>.</param>
/// <param name="SendCopyToReplier">Also seal a separate envelope of the same reply to the replier alone.</param>
public sealed record ReplyRequest(
    ReplyKind Kind,
    string Text,
    IReadOnlyList<ReplyAttachment> Attachments,
    IReadOnlyList<string> ForwardTo,
    bool SendCopyToReplier);
