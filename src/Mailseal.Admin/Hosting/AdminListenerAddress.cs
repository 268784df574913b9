using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Mailseal.Admin.Hosting;

/// <summary>Where the admin listener is bound once the server runs (port 0 is resolved), for logs and clients.</summary>
public sealed class AdminListenerAddress
{
    private ListenOptions? _listen;
    private bool _https;

    /// <summary>"http(s)://address:port/", or null before Kestrel has bound the admin listener.</summary>
    public Uri? Uri => _listen?.IPEndPoint is { Port: > 0 } endPoint
        ? new Uri($"{(_https ? "https" : "http")}://{endPoint}/")
        : null;

    internal void Track(ListenOptions listen, bool https)
    {
        _listen = listen;
        _https = https;
    }
}
