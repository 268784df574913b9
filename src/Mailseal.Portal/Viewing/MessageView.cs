namespace Mailseal.Portal.Viewing;

/// <summary>
/// One message as the portal shows it. Every string is plain text (the caller HTML-encodes it) except
/// <see cref="BodyDocument"/>, a complete sanitised HTML document to serve at its own URL inside
/// <c>&lt;iframe sandbox&gt;</c> with <see cref="BodyContentSecurityPolicy"/>.
/// </summary>
/// <param name="PartId">"" for the message itself; the part id (e.g. "2" or "1.3") of a nested message/rfc822.</param>
/// <param name="Headers">From, To, Cc, Date and Subject; never Bcc.</param>
/// <param name="BodyDocument">The body: sanitised HTML, or the text body escaped; UTF-8 with a meta charset.</param>
/// <param name="Attachments">The parts offered for download, in message order.</param>
/// <param name="NestedMessages">Attached messages (message/rfc822), each shown as a message of its own.</param>
/// <param name="PartsOmitted">
/// True when a limit (nesting, number of parts, body length, inline image sizes) left something out:
/// the page should say that not all of the message is shown.
/// </param>
public sealed record MessageView(
    string PartId,
    MessageHeaderView Headers,
    string BodyDocument,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<MessageView> NestedMessages,
    bool PartsOmitted)
{
    /// <summary>The policy to send with <see cref="BodyDocument"/>: nothing may load but data: images and inline styles.</summary>
    public const string BodyContentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
}
