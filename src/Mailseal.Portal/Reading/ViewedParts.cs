using Mailseal.Portal.Viewing;

namespace Mailseal.Portal.Reading;

/// <summary>Finds a part of a built view by its id: an attached message, or an attachment anywhere in it.</summary>
internal static class ViewedParts
{
    /// <summary>The message itself for "", an attached message by its part id, or null.</summary>
    public static MessageView? Find(MessageView view, string partId)
    {
        if (view.PartId == partId)
        {
            return view;
        }

        return view.NestedMessages.Select(nested => Find(nested, partId)).FirstOrDefault(found => found is not null);
    }

    /// <summary>The listed attachment with <paramref name="id"/>, in the message or an attached one, or null.</summary>
    public static AttachmentView? FindAttachment(MessageView view, string id) =>
        view.Attachments.FirstOrDefault(a => a.Id == id)
        ?? view.NestedMessages.Select(nested => FindAttachment(nested, id)).FirstOrDefault(found => found is not null);
}
