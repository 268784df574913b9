using System.Net;

namespace Mailseal.Gateway.Front;

/// <summary>Which client addresses may relay: those inside the configured networks.</summary>
internal sealed class RelayPolicy
{
    private readonly IPNetwork[] _networks;

    public RelayPolicy(IEnumerable<string> networks)
    {
        _networks = networks.Select(network => IPNetwork.Parse(network)).ToArray();
    }

    public bool Allows(IPAddress address)
    {
        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(normalized));
    }
}
