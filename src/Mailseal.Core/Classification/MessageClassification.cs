namespace Mailseal.Core.Classification;

/// <summary>The class of a message and every MessageTypeMatches type it has.</summary>
/// <param name="Class">The one class that decides sealing (the first in <see cref="MessageClassifier"/>'s order).</param>
/// <param name="Types">Every type the message has; a signed ordinary message is Ordinary with type Signed.</param>
/// <param name="HasMailsealMark">The message carries the Mailseal envelope mark header; that alone proves nothing.</param>
public sealed record MessageClassification(MessageClass Class, IReadOnlySet<MessageType> Types, bool HasMailsealMark)
{
    public bool IsOrdinary => Class == MessageClass.Ordinary;

    public bool Has(MessageType type) => Types.Contains(type);
}
