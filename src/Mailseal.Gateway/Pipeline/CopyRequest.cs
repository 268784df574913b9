using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Pipeline;

/// <summary>One copy to make from the spooled message.</summary>
/// <param name="Transaction">The front's transaction (envelope, client, protocol).</param>
/// <param name="Spool">The message as received, seekable.</param>
/// <param name="Plan">What to do.</param>
/// <param name="Sender">The From address the rules saw (for the seal's language).</param>
/// <param name="Language">The wrapper's language: the sender's, or "en".</param>
public sealed record CopyRequest(MessageTransaction Transaction, Stream Spool, CopyPlan Plan, string Sender, string Language);
