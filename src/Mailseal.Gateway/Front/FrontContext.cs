using System.Net.Security;
using Mailseal.Protection;
using Microsoft.Extensions.Logging;

namespace Mailseal.Gateway.Front;

/// <summary>What every session of one running front shares; built once at start.</summary>
internal sealed record FrontContext(
    GatewayFrontOptions Options,
    IMessageHandler Handler,
    SpoolFactory SpoolFactory,
    RelayPolicy Relay,
    SubmissionAuthenticator Authenticator,
    SslServerAuthenticationOptions? Tls,
    ILogger Logger)
{
    public DataLimits Limits { get; } = DataLimits.From(Options);
}
