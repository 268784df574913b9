using System.Net;
using System.Net.Sockets;

namespace Mailseal.Testing;

/// <summary>
/// Free ports on 127.0.0.1 for listeners that must be named in advance: Postfix's master.cf cannot take port 0,
/// and a gateway or next hop started again must come back on the port Postfix knows.
/// </summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
