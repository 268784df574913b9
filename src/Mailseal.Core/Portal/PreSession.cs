namespace Mailseal.Core.Portal;

/// <summary>
/// What the portal knows after an arrival and before anyone has proved who they are: which still-sealed
/// envelope was posted. Nothing in it is decrypted.
/// </summary>
/// <param name="IdHash">SHA-256 of the pre-session token in the browser's cookie; the token itself is never stored.</param>
/// <param name="EnvelopeHash">SHA-256 of the sealed envelope's bytes: the key of its cache entry.</param>
/// <param name="EnvelopeId">The license's envelope id (hex).</param>
/// <param name="BrandingTemplate">The license's branding template, for the logo and PortalText of the sign-in pages.</param>
/// <param name="CreatedAt">When the envelope arrived.</param>
/// <param name="ExpiresAt">When the pre-session ends unless a sign-in turned it into a session.</param>
public sealed record PreSession(
    byte[] IdHash,
    byte[] EnvelopeHash,
    string EnvelopeId,
    string BrandingTemplate,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
