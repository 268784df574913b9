using Mailseal.Portal.Viewing;

namespace Mailseal.Portal.Reading;

/// <summary>A session's message decrypted for one request, and the view built from it.</summary>
public sealed record ViewedMessage(OpenedMessage Opened, MessageView View) : IDisposable
{
    public void Dispose() => Opened.Dispose();
}
