using System.Net;
using Mailseal.Admin.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mailseal.Admin.Authentication;

/// <summary>Whether an admin listener client lies in Admin:AllowedNetworks, judged by its connection's own address.</summary>
internal sealed class AdminClientNetworks(IOptions<AdminOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> _allowed = options.Value.ParsedAllowedNetworks;

    public bool IsAllowed(HttpContext context) => AdminListener.ClientAddress(context) is { } address && IsAllowed(address);

    private bool IsAllowed(IPAddress address) => _allowed.Any(network => network.Contains(address));
}
