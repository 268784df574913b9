using Microsoft.Extensions.Hosting;

namespace Mailseal.Gateway.Front;

/// <summary>Runs the <see cref="GatewayFront"/> with the host: listeners open at start and drain at stop.</summary>
internal sealed class GatewayFrontHostedService(GatewayFront front) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => front.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => front.StopAsync(cancellationToken);
}
