using System.Text;

namespace Mailseal.Testing.Smtp;

/// <summary>What the sink received in one transaction.</summary>
public sealed record ReceivedMessage(string Sender, IReadOnlyList<string> Recipients, byte[] Data, bool Secure)
{
    /// <summary>The message as Latin-1 text, so every byte is one character (for Contains checks).</summary>
    public string Text => Encoding.Latin1.GetString(Data);
}
