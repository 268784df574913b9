using Mailseal.Portal.Viewing;

namespace Mailseal.Portal.Reading;

/// <summary>A session's message decrypted for one request, and the view built from it.</summary>
public sealed record ViewedMessage(OpenedMessage Opened, MessageView View) : IDisposable
{
    /// <summary>The walk <see cref="View"/> was built from: a download takes its part from here instead of walking again.</summary>
    internal WalkedMessage? Walked { get; init; }

    public void Dispose() => Opened.Dispose();
}
