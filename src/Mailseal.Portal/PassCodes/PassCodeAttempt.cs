using System.Net;
using Mailseal.Protection.Envelope;

namespace Mailseal.Portal.PassCodes;

/// <summary>A code typed in, for the pre-session, envelope and address it must have been issued to.</summary>
public sealed record PassCodeAttempt(string PreSessionId, License License, string Address, string Code, IPAddress? ClientAddress)
{
    // Records print every member; a code, a pre-session id and an address never belong in a log.
    public override string ToString() => $"PassCodeAttempt {{ Envelope = {License.EnvelopeIdHex} }}";
}
