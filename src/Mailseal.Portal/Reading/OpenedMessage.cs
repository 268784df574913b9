using Mailseal.Protection.Envelope;
using MimeKit;

namespace Mailseal.Portal.Reading;

/// <summary>A session's message, decrypted into memory for one request; disposing it lets the bytes go.</summary>
public sealed record OpenedMessage(License License, MimeMessage Message) : IDisposable
{
    public void Dispose() => Message.Dispose();
}
