namespace Mailseal.Portal.Viewing;

/// <summary>An image of the message that a cid: reference may show, decoded.</summary>
internal sealed record InlineImage(string MediaType, byte[] Content)
{
    /// <summary>The image as a data: URI, the only kind of image the body document's policy lets load.</summary>
    public string ToDataUri() => $"data:{MediaType};base64,{Convert.ToBase64String(Content)}";
}
