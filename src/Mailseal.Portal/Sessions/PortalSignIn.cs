using Mailseal.Core.Portal;
using Mailseal.Protection.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Sessions;

/// <summary>
/// Pre-sessions and sessions as the pages see them. <see cref="SignInAsync"/> is the one way a proved address
/// becomes a session: the pass-code pages use it, and so will OpenID Connect.
/// </summary>
public sealed partial class PortalSignIn(
    IPreSessionStore preSessions,
    IPortalSessionStore sessions,
    EnvelopeUnsealer unsealer,
    PortalCookies cookies,
    TimeProvider time,
    IOptions<PortalOptions> options,
    ILogger<PortalSignIn> logger)
{
    private readonly PortalOptions _options = options.Value;

    /// <summary>Starts the browser's pre-session after an arrival (replacing any earlier one).</summary>
    public void StartPreSession(HttpContext context, string token) => cookies.Set(context, cookies.PreSession, token);

    /// <summary>The browser's live pre-session, or null.</summary>
    public async Task<PreSession?> FindPreSessionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var hash = SessionToken.HashOf(PortalCookies.Read(context, cookies.PreSession));
        return hash is null ? null : await preSessions.FindAsync(hash, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="verifiedAddress"/> (proved by <paramref name="method"/>) a session for the pre-session's
    /// envelope, if the address is among the license's recipients: a new random token (never one the browser
    /// brought), the pre-session consumed, the sealed envelope kept as long as the session may live.
    /// Returns false, creating nothing, when the address is not a recipient or the envelope is gone.
    /// </summary>
    public async Task<bool> SignInAsync(
        HttpContext context, PreSession preSession, string verifiedAddress, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(preSession);
        var license = await LicenseOfAsync(preSession, cancellationToken);
        if (license is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!await unsealer.IsRecipientAsync(license, verifiedAddress, cancellationToken))
        {
            LogNotRecipient(logger, method, license.EnvelopeIdHex);
            return false;
        }

        var expiresAt = now + _options.SessionAbsoluteTimeout;
        if (license.ExpiresAt is { } licenseEnd && licenseEnd < expiresAt)
        {
            expiresAt = licenseEnd;
        }

        await preSessions.ExtendEnvelopeAsync(preSession.EnvelopeHash, now, expiresAt, cancellationToken);
        await EndStoredSessionAsync(context, cancellationToken);
        var (token, hash) = SessionToken.New();
        await sessions.CreateAsync(
            new PortalSession(hash, preSession.IdHash, preSession.EnvelopeHash, preSession.EnvelopeId,
                RecipientAddress.Normalize(verifiedAddress), now, now, expiresAt),
            cancellationToken);
        await preSessions.DeleteAsync(preSession.IdHash, cancellationToken);
        cookies.Delete(context, cookies.PreSession);
        cookies.Set(context, cookies.Session, token);
        LogSignedIn(logger, method, preSession.EnvelopeId);
        return true;
    }

    /// <summary>The pre-session's id for services bound to it (pass codes): the hex of its token's hash, never the token.</summary>
    public static string PreSessionIdOf(PreSession preSession)
    {
        ArgumentNullException.ThrowIfNull(preSession);
        return Convert.ToHexStringLower(preSession.IdHash);
    }

    /// <summary>The verified license of the pre-session's envelope, or null when the envelope is gone or no longer valid.</summary>
    public async Task<License?> LicenseOfAsync(PreSession preSession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preSession);
        var envelope = await preSessions.ReadEnvelopeAsync(preSession.EnvelopeHash, time.GetUtcNow(), cancellationToken);
        if (envelope is null)
        {
            return null;
        }

        try
        {
            return await unsealer.VerifyAsync(new MemoryStream(envelope, writable: false), cancellationToken);
        }
        catch (EnvelopeInvalidException)
        {
            return null;
        }
    }

    /// <summary>
    /// The browser's session if it lives (neither idle past Portal:SessionIdleTimeout nor past its absolute end);
    /// a live session's activity is recorded in the same store statement. A dead one is removed.
    /// </summary>
    public async Task<PortalSession?> FindSessionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var hash = SessionToken.HashOf(PortalCookies.Read(context, cookies.Session));
        if (hash is null)
        {
            return null;
        }

        var session = await sessions.FindLiveAndTouchAsync(hash, time.GetUtcNow(), _options.SessionIdleTimeout, cancellationToken);
        if (session is null && await sessions.DeleteAsync(hash, cancellationToken))
        {
            // The token was known but its session had ended; an unknown token's cookie is left alone, so a late
            // response to a request from before a new sign-in cannot clear the new session's cookie.
            cookies.Delete(context, cookies.Session);
        }

        return session;
    }

    /// <summary>Ends the browser's session (store and cookie).</summary>
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        await EndStoredSessionAsync(context, cancellationToken);
        cookies.Delete(context, cookies.Session);
    }

    private async Task EndStoredSessionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var hash = SessionToken.HashOf(PortalCookies.Read(context, cookies.Session));
        if (hash is not null)
        {
            await sessions.DeleteAsync(hash, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in by {Method} for envelope {EnvelopeId}.")]
    private static partial void LogSignedIn(ILogger logger, string method, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in by {Method} refused for envelope {EnvelopeId}: the address is not a recipient.")]
    private static partial void LogNotRecipient(ILogger logger, string method, string envelopeId);
}
