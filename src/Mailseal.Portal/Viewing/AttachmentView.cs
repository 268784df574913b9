namespace Mailseal.Portal.Viewing;

/// <summary>A part offered for download.</summary>
/// <param name="Id">
/// The part's position, IMAP style ("2", "1.3", "3.1.2"): the same for the same message bytes, digits and
/// dots only, so it is safe in a URL path segment. <see cref="MessageViewBuilder.FindAttachment(MimeKit.MimeMessage, string)"/> takes it back.
/// </param>
/// <param name="FileName">A name safe for Content-Disposition: no path, no control characters, never empty.</param>
/// <param name="ContentType">The media type without parameters, e.g. "application/pdf".</param>
/// <param name="Size">
/// The decoded size in bytes: what the download holds. Null when it cannot be known without decoding the part (base64
/// that is not well-formed): the page says the size is unknown rather than show a wrong one.
/// </param>
public sealed record AttachmentView(string Id, string FileName, string ContentType, long? Size);
