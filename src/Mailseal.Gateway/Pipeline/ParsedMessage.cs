using Mailseal.Core.Rules;
using Mailseal.Gateway.Front;
using MimeKit;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// The message parsed once, persistently over the spool (MimeKit keeps offsets, not copies), and the facts the
/// rules read. A message MimeKit cannot parse still flows: it has facts from its envelope only.
/// </summary>
public sealed class ParsedMessage : IDisposable
{
    private ParsedMessage(MimeMessage message, bool parsed, MessageFacts facts)
    {
        Message = message;
        Parsed = parsed;
        Facts = facts;
    }

    public MimeMessage Message { get; }

    /// <summary>False when MimeKit could not parse the message; no content rule can match it then.</summary>
    public bool Parsed { get; }

    public MessageFacts Facts { get; }

    /// <summary>Nesting of the MIME tree as Postfix counts it: 0 for a single part; each multipart or message/rfc822 level adds one.</summary>
    public int MimeDepth => Depth(Message.Body);

    /// <summary>How many Received fields the message has: its hop count.</summary>
    public int Hops => Message.Headers.Count(h => h.Id == HeaderId.Received);

    /// <summary>True when the message has an attachment named message.html (a wrapper, marked or not).</summary>
    public bool HasMessageHtml => Message.Attachments.OfType<MimePart>()
        .Any(p => string.Equals(p.FileName, "message.html", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Synchronous on purpose: the facts then decode every part synchronously anyway, and on Linux each asynchronous
    /// read of the spool file is a hop through the thread pool — dozens per message, for a page-cache copy.
    /// </summary>
    public static ParsedMessage Parse(MessageTransaction transaction, Stream spool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spool);
        spool.Position = 0;
        MimeMessage message;
        var parsed = true;
        try
        {
            var parser = new MimeParser(ParserOptions.Default, spool, MimeFormat.Entity, persistent: true);
            message = parser.ParseMessage(cancellationToken);
        }
        catch (FormatException)
        {
            // Not MIME at all: it can still be sealed byte for byte, and no content rule matches.
            message = new MimeMessage();
            message.Headers.Clear();
            parsed = false;
        }

        var facts = MessageFacts.From(message, transaction.ReversePath, transaction.Recipients, transaction.MessageBytes);
        return new ParsedMessage(message, parsed, facts);
    }

    public void Dispose() => Message.Dispose();

    private static int Depth(MimeEntity? entity) => entity switch
    {
        Multipart multipart => 1 + multipart.Select(Depth).DefaultIfEmpty(0).Max(),
        MessagePart { Message: { } inner } => 1 + Depth(inner.Body),
        _ => 0,
    };
}
