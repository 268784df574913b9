namespace Mailseal.Core.Portal;

/// <summary>
/// A signed-in recipient, bound to one envelope and one address. The session token lives only in the
/// browser's cookie; the store keeps its SHA-256.
/// </summary>
/// <param name="TokenHash">SHA-256 of the session token.</param>
/// <param name="PreSessionIdHash">The pre-session the sign-in happened in.</param>
/// <param name="EnvelopeHash">The sealed envelope's cache entry.</param>
/// <param name="EnvelopeId">The license's envelope id (hex): the only envelope this session opens.</param>
/// <param name="Recipient">The verified recipient address.</param>
/// <param name="CreatedAt">Sign-in time; the absolute timeout counts from here.</param>
/// <param name="LastSeenAt">The last request; the idle timeout counts from here.</param>
/// <param name="ExpiresAt">The absolute end, whatever the activity.</param>
public sealed record PortalSession(
    byte[] TokenHash,
    byte[] PreSessionIdHash,
    byte[] EnvelopeHash,
    string EnvelopeId,
    string Recipient,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt);
