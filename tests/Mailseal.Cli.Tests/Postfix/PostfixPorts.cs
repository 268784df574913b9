using Mailseal.Testing;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>
/// The loopback ports of one private Postfix instance and the gateway behind it. Mail submitted on
/// <see cref="SubmitLmtp"/> goes to the gateway's LMTP listener, on <see cref="SubmitSmtp"/> to its SMTP listener;
/// the gateway hands mail back on <see cref="Reinject"/>, and Postfix relays everything to <see cref="RelayHost"/>.
/// </summary>
internal sealed record PostfixPorts(int SubmitLmtp, int SubmitSmtp, int Reinject, int GatewayLmtp, int GatewaySmtp, int RelayHost)
{
    public static PostfixPorts Free(int relayHost) => new(
        LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(), relayHost);
}
