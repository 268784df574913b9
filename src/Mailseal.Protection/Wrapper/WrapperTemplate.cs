namespace Mailseal.Protection.Wrapper;

/// <summary>
/// The bytes of a wrapper's MIME body that do not depend on the message, for one branding, language and
/// portal address: everything from the body's Content-Type header to message.html's hidden field, and
/// everything after the field's value to the closing boundary.
/// </summary>
/// <param name="BeforeEnvelope">The multipart body up to the attachment's content, then message.html's head.</param>
/// <param name="AfterEnvelope">message.html's tail, then the closing boundary.</param>
internal sealed record WrapperTemplate(byte[] BeforeEnvelope, byte[] AfterEnvelope);
