using Mailseal.Delivery;

namespace Mailseal.Portal.Replying;

/// <summary>One sealed envelope of the reply and what the gateway's submission listener answered for it.</summary>
/// <param name="EnvelopeId">The envelope's id (hex), as the gateway logs it.</param>
/// <param name="Recipients">The envelope's recipients: exactly the addresses its license lets open it.</param>
/// <param name="IsCopyToReplier">True for the "send me a copy" envelope.</param>
/// <param name="Result">The answer per recipient.</param>
public sealed record ReplySubmission(string EnvelopeId, IReadOnlyList<string> Recipients, bool IsCopyToReplier, DeliveryResult Result);
