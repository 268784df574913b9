using Mailseal.Protection.Envelope;
using Microsoft.AspNetCore.Http;

namespace Mailseal.Portal.SignIn.OpenIdConnect;

/// <summary>What sign-in with an account needs from the portal's pre-sessions and sessions.</summary>
public interface IOpenIdPreSessions
{
    /// <summary>The id of the pre-session this browser holds, or null when it holds none (or it expired).</summary>
    Task<string?> CurrentIdAsync(HttpContext context);

    /// <summary>The license of the envelope the pre-session holds, or null when it is gone.</summary>
    Task<License?> FindLicenseAsync(string preSessionId, CancellationToken cancellationToken);

    /// <summary>Turns the verified address into a session for the pre-session's envelope (sets its cookie).</summary>
    Task StartSessionAsync(HttpContext context, string preSessionId, string verifiedAddress);
}
