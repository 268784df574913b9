using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Hosting;

/// <summary>Kestrel as the portal wants it: one listener from Portal:Listen, HTTPS when a certificate is configured, small bodies by default.</summary>
internal sealed class PortalKestrel(IOptions<PortalOptions> portal) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var settings = portal.Value;
        options.AddServerHeader = false;
        // Arrival and reply raise this for themselves (PortalRequestLimits); everything else stays small.
        options.Limits.MaxRequestBodySize = settings.MaxRequestBytes;
        options.Listen(IPEndPoint.Parse(settings.Listen), listen =>
        {
            if (settings.Certificate.IsConfigured)
            {
                listen.UseHttps(PortalCertificateLoader.Load(settings.Certificate));
            }
        });
    }
}
