namespace Mailseal.Portal.Viewing;

/// <summary>
/// The message cannot be shown at all. The only exception <see cref="MessageViewBuilder"/> throws for a
/// message's content; the caller shows a plain error page. Its text names no content of the message.
/// </summary>
public sealed class MessageViewException : Exception
{
    public MessageViewException()
        : this("The message cannot be shown.")
    {
    }

    public MessageViewException(string message)
        : base(message)
    {
    }

    public MessageViewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
