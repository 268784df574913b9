namespace Mailseal.Gateway.Front;

/// <summary>
/// Takes a complete message from the front. The front answers the final "." with what this returns, so a
/// 2xx may only be returned once the message is safe downstream (the gateway keeps no queue of its own).
/// </summary>
public interface IMessageHandler
{
    /// <summary>
    /// Handles one message. <paramref name="message"/> is the spooled message (CRLF line endings, dot-unstuffed)
    /// at position 0, owned by the front and disposed after the call. Must return exactly one reply per recipient.
    /// An exception makes the front answer 451 4.3.0.
    /// </summary>
    Task<MessageOutcome> HandleAsync(MessageTransaction transaction, Stream message, CancellationToken cancellationToken);
}
