namespace Mailseal.Core.Configuration;

/// <summary>A configuration document that cannot be read or applied; the message says what to fix.</summary>
public sealed class ConfigurationDocumentException : InvalidOperationException
{
    public ConfigurationDocumentException(string message)
        : base(message)
    {
    }

    public ConfigurationDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
