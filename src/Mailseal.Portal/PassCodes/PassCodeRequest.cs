using System.Globalization;
using System.Net;
using Mailseal.Protection.Envelope;

namespace Mailseal.Portal.PassCodes;

/// <summary>A request for a code: the pre-session it is for, the verified license, the address typed in.</summary>
/// <param name="PreSessionId">The pre-session the code will be bound to.</param>
/// <param name="License">The verified license of the pre-session's envelope.</param>
/// <param name="Address">The address the recipient typed; not yet known to be a recipient.</param>
/// <param name="ClientAddress">The client's address, for the per-client send limit; null when unknown.</param>
/// <param name="Culture">The portal's language: the code mail is written in it.</param>
public sealed record PassCodeRequest(string PreSessionId, License License, string Address, IPAddress? ClientAddress, CultureInfo Culture)
{
    // Records print every member; the pre-session id and the address never belong in a log.
    public override string ToString() => $"PassCodeRequest {{ Envelope = {License.EnvelopeIdHex} }}";
}
