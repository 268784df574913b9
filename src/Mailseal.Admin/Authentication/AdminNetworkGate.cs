using Mailseal.Admin.Api;
using Mailseal.Admin.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mailseal.Admin.Authentication;

/// <summary>
/// The admin listener's only network check, first in its pipeline: a client outside Admin:AllowedNetworks gets the
/// same 403 problem and log line whatever it asks for (API, admin page, /metrics, an unknown path), before routing,
/// keys or bodies are looked at. The address is the connection's TCP peer, so no X-Forwarded-For header moves a
/// remote client inside the allow-list, whatever forwarded-headers middleware ran before.
/// </summary>
internal sealed class AdminNetworkGate(RequestDelegate next, AdminClientNetworks networks, ILogger<AdminNetworkGate> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (networks.IsAllowed(context))
        {
            return next(context);
        }

        AdminRefusals.Log(logger, AdminRefusals.OutsideAllowedNetworks, AdminListener.ClientAddress(context)?.ToString() ?? "unknown", context.Request.Path);
        return AdminProblems.Forbidden().ExecuteAsync(context);
    }
}
