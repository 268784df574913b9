using MimeKit;

namespace Mailseal.Portal.Viewing;

/// <summary>
/// Reads a message's MIME tree as a mail client does (docs/portal-reading.md): multipart/alternative shows
/// its richest part, multipart/related its root with the images it carries, every other multipart each of
/// its parts; inline text/plain and text/html parts are the body, message/rfc822 parts are nested messages,
/// everything else is an attachment. Build and download both go through this one walk, in the same order
/// and with the same limits, so a listed attachment is always the part that is downloaded.
/// </summary>
internal sealed class MessageWalker(ViewingOptions options)
{
    private static readonly Dictionary<string, string> InlineImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "image/png",
        ["image/x-png"] = "image/png",
        ["image/jpeg"] = "image/jpeg",
        ["image/jpg"] = "image/jpeg",
        ["image/pjpeg"] = "image/jpeg",
        ["image/gif"] = "image/gif",
        ["image/webp"] = "image/webp",
        ["image/bmp"] = "image/bmp",
    };

    private int _partsLeft;
    private long _inlineBytesLeft;

    /// <summary>Walks <paramref name="message"/> and, depth first in order, every message nested in it. Not thread-safe: one walker per walk.</summary>
    public WalkedMessage Walk(MimeMessage message)
    {
        _partsLeft = options.MaxParts;
        _inlineBytesLeft = options.MaxInlineImagesTotalBytes;
        return WalkMessage(message, "", 0);
    }

    private WalkedMessage WalkMessage(MimeMessage message, string partId, int depth)
    {
        var walked = new WalkedMessage(partId, message);
        switch (message.Body)
        {
            case null:
                break;
            case Multipart multipart:
                Visit(walked, multipart, partId, depth, showAsBody: true, relatedResource: false);
                break;
            case var single:
                Visit(walked, single, PartIds.Child(partId, 0), depth, showAsBody: true, relatedResource: false);
                break;
        }

        return walked;
    }

    private void Visit(WalkedMessage walked, MimeEntity entity, string id, int depth, bool showAsBody, bool relatedResource)
    {
        if (depth > options.MaxDepth || _partsLeft <= 0)
        {
            walked.PartsOmitted = true;
            return;
        }

        _partsLeft--;
        switch (entity)
        {
            case MessagePart { Message: { } inner }:
                walked.Nested.Add(WalkMessage(inner, id, depth + 1));
                break;
            case Multipart multipart when showAsBody && multipart.ContentType.IsMimeType("multipart", "alternative"):
                VisitAlternative(walked, multipart, id, depth);
                break;
            case Multipart multipart when multipart.ContentType.IsMimeType("multipart", "related"):
                var root = RootOf(multipart);
                for (var i = 0; i < multipart.Count; i++)
                {
                    Visit(walked, multipart[i], PartIds.Child(id, i), depth + 1, showAsBody && i == root, relatedResource: i != root);
                }

                break;
            case Multipart multipart:
                for (var i = 0; i < multipart.Count; i++)
                {
                    Visit(walked, multipart[i], PartIds.Child(id, i), depth + 1, showAsBody, relatedResource);
                }

                break;
            case MimePart part:
                VisitPart(walked, part, id, showAsBody, relatedResource);
                break;
        }
    }

    private void VisitPart(WalkedMessage walked, MimePart part, string id, bool showAsBody, bool relatedResource)
    {
        var inlined = TryInline(walked, part);
        if (showAsBody && part is TextPart text && (text.IsHtml || text.IsPlain) && !text.IsAttachment && text.FileName is null)
        {
            walked.Bodies.Add(text);
        }
        else if (!(relatedResource && inlined && !(part.IsAttachment && part.FileName is not null)))
        {
            // An image the body shows from its related part is not listed again, unless the sender also
            // made it a named attachment.
            walked.Attachments.Add((id, part));
        }
    }

    /// <summary>The last part of the richest kind: HTML over text; what is not chosen is not shown, a calendar part is listed.</summary>
    private void VisitAlternative(WalkedMessage walked, Multipart alternative, string id, int depth)
    {
        var chosen = -1;
        var best = -1;
        for (var i = 0; i < alternative.Count; i++)
        {
            var rank = Rank(alternative[i], depth + 1);
            if (rank >= best)
            {
                (chosen, best) = (i, rank);
            }
        }

        for (var i = 0; i < alternative.Count; i++)
        {
            if (i == chosen)
            {
                Visit(walked, alternative[i], PartIds.Child(id, i), depth + 1, showAsBody: true, relatedResource: false);
            }
            else if (alternative[i] is MimePart calendar && calendar.ContentType.IsMimeType("text", "calendar"))
            {
                Visit(walked, calendar, PartIds.Child(id, i), depth + 1, showAsBody: false, relatedResource: false);
            }
        }
    }

    private int Rank(MimeEntity entity, int depth) => entity switch
    {
        _ when depth > options.MaxDepth => 0,
        TextPart { IsHtml: true, IsAttachment: false } => 2,
        TextPart { IsPlain: true, IsAttachment: false } => 1,
        Multipart { Count: > 0 } multipart => Rank(multipart[multipart.ContentType.IsMimeType("multipart", "related") ? RootOf(multipart) : 0], depth + 1),
        _ => 0,
    };

    /// <summary>The part the "start" parameter names (RFC 2387), else the first.</summary>
    private static int RootOf(Multipart related)
    {
        var start = related.ContentType.Parameters["start"]?.Trim().Trim('<', '>');
        if (!string.IsNullOrEmpty(start))
        {
            for (var i = 0; i < related.Count; i++)
            {
                if (string.Equals(related[i].ContentId, start, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return 0;
    }

    /// <summary>Keeps an image with a Content-ID for cid: references while it fits the per-image and total caps.</summary>
    private bool TryInline(WalkedMessage walked, MimePart part)
    {
        if (part.ContentId is not { Length: > 0 } contentId
            || !InlineImageTypes.TryGetValue(part.ContentType.MimeType, out var mediaType)
            || part.Content is null
            || walked.InlineImages.ContainsKey(contentId))
        {
            return false;
        }

        using var decoded = new CappedBuffer(Math.Min(options.MaxInlineImageBytes, _inlineBytesLeft));
        part.Content.DecodeTo(decoded);
        if (decoded.Overflowed || decoded.Length == 0)
        {
            walked.PartsOmitted |= decoded.Overflowed;
            return false;
        }

        _inlineBytesLeft -= decoded.Length;
        walked.InlineImages[contentId] = new InlineImage(mediaType, decoded.ToArray());
        return true;
    }
}
