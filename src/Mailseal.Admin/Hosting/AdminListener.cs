using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin.Hosting;

/// <summary>
/// Adds the admin listener to Kestrel and marks its connections, so that the admin routes match only there and
/// never on the public portal's listener (a Host header can be forged; the listener a connection came in on cannot).
/// It also records each connection's TCP peer address, which no forwarded header can change.
/// </summary>
internal sealed class AdminListener(IOptions<AdminOptions> options, AdminListenerAddress address) : IConfigureOptions<KestrelServerOptions>
{
    private const string MarkerKey = "Mailseal.Admin.Listener";
    private const string PeerKey = "Mailseal.Admin.Peer";

    public void Configure(KestrelServerOptions kestrel)
    {
        var admin = options.Value;
        kestrel.Listen(admin.ListenEndPoint, listen =>
        {
            listen.Use(next => connection =>
            {
                connection.Items[MarkerKey] = true;
                connection.Items[PeerKey] = (connection.RemoteEndPoint as IPEndPoint)?.Address;
                return next(connection);
            });
            if (admin.Tls.IsConfigured)
            {
                listen.UseHttps(LoadCertificate(admin.Tls));
            }

            address.Track(listen, admin.Tls.IsConfigured);
        });
    }

    public static bool IsAdminConnection(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(MarkerKey, out var marker) == true && marker is true;

    /// <summary>
    /// The address of the admin connection's TCP peer (IPv4-mapped IPv6 as IPv4), as Kestrel accepted it: forwarded
    /// headers rewrite <c>HttpContext.Connection.RemoteIpAddress</c>, never this. Null off the admin listener.
    /// </summary>
    public static IPAddress? ClientAddress(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is null || !items.TryGetValue(PeerKey, out var peer) || peer is not IPAddress address)
        {
            return null;
        }

        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    private static X509Certificate2 LoadCertificate(AdminTlsOptions tls) =>
        string.IsNullOrWhiteSpace(tls.PfxPath)
            ? X509Certificate2.CreateFromPemFile(tls.PemCertificatePath!, tls.PemKeyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(tls.PfxPath, tls.PfxPassword);
}
