using Mailseal.Core.Mime;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mailseal.Portal.Viewing;

/// <summary>
/// Turns an unsealed message into what the portal shows (docs/portal-reading.md). Thread-safe: every call
/// works on its own state; one instance serves the whole application.
/// </summary>
public sealed class MessageViewBuilder(IOptions<ViewingOptions> options)
{
    private ViewingOptions Options => options.Value;

    /// <summary>
    /// Builds the view of <paramref name="message"/> and of every message nested in it. The work is bounded by
    /// <see cref="ViewingOptions"/> whatever the message holds.
    /// </summary>
    /// <exception cref="MessageViewException">The message cannot be shown at all (its text names no content).</exception>
    public MessageView Build(MimeMessage message) => BuildWalked(message).View;

    /// <summary>
    /// <see cref="Build"/>, also handing back the walk the view was made from, so that a download finds its part
    /// (<see cref="FindAttachment(WalkedMessage, string)"/>) without walking and decoding the message again.
    /// </summary>
    /// <exception cref="MessageViewException">The message cannot be shown at all.</exception>
    internal (MessageView View, WalkedMessage Walked) BuildWalked(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Guard(() =>
        {
            var walked = new MessageWalker(Options).Walk(message);
            return (Render(walked, new BodyDocumentWriter(Options.MaxBodyCharacters)), walked);
        });
    }

    /// <summary>
    /// The part listed as <see cref="AttachmentView.Id"/> <paramref name="id"/> in the view of
    /// <paramref name="message"/> (nested messages included), or null when no attachment has that id — a
    /// body part or an inline image cannot be fetched this way. Serve its decoded content with the view's
    /// file name and type.
    /// </summary>
    /// <exception cref="MessageViewException">The message cannot be read at all.</exception>
    public MimePart? FindAttachment(MimeMessage message, string id)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!PartIds.IsWellFormed(id))
        {
            return null;
        }

        return Guard(() => Find(new MessageWalker(Options).Walk(message), id));
    }

    /// <summary>The part listed as attachment <paramref name="id"/> in an earlier walk, or null.</summary>
    internal static MimePart? FindAttachment(WalkedMessage walked, string id) => PartIds.IsWellFormed(id) ? Find(walked, id) : null;

    private static MimePart? Find(WalkedMessage walked, string id)
    {
        foreach (var (attachmentId, part) in walked.Attachments)
        {
            if (attachmentId == id)
            {
                return part;
            }
        }

        var nested = walked.Nested.FirstOrDefault(n => id.StartsWith(n.PartId + ".", StringComparison.Ordinal));
        return nested is null ? null : Find(nested, id);
    }

    private MessageView Render(WalkedMessage walked, BodyDocumentWriter writer)
    {
        var body = writer.Write(walked);
        var attachments = walked.Attachments.Select(a => Describe(a.Id, a.Part)).ToList();
        var nested = walked.Nested.Select(n => Render(n, writer)).ToList();
        return new MessageView(
            walked.PartId,
            HeaderViewReader.Read(walked.Message, Options),
            body,
            attachments,
            nested,
            walked.PartsOmitted || writer.Truncated);
    }

    private AttachmentView Describe(string id, MimePart part)
    {
        // Media types compare case-insensitively; lower case is their usual written form.
#pragma warning disable CA1308
        var mediaType = part.ContentType.MimeType.ToLowerInvariant();
#pragma warning restore CA1308
        var fileName = AttachmentFileName.For(DisplayText.Clean(part.FileName, Options.MaxTextFieldLength * 4), mediaType);
        return new AttachmentView(id, fileName, mediaType, DecodedSize.Of(part));
    }

    // A parser or decoder failure on hostile bytes must reach the caller as the one documented exception.
    private static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is not MessageViewException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new MessageViewException("The message cannot be shown.", ex);
        }
    }
}
