namespace Mailseal.Protection.Keys;

/// <summary>
/// A key exists but cannot be used here (wrong key-encryption key, damaged record). Transient for the
/// gateway: the message is deferred, never sent in plain text.
/// </summary>
public sealed class KeyUnavailableException : InvalidOperationException
{
    public KeyUnavailableException(string message)
        : base(message)
    {
    }

    public KeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
