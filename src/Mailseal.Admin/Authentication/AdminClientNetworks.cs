using System.Net;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin.Authentication;

/// <summary>Whether a client address lies in Admin:AllowedNetworks (IPv4-mapped IPv6 addresses count as IPv4).</summary>
internal sealed class AdminClientNetworks(IOptions<AdminOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> _allowed = options.Value.ParsedAllowedNetworks;

    public bool IsAllowed(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var normalised = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowed.Any(network => network.Contains(normalised));
    }
}
