using System.Net;

namespace Mailseal.Gateway.Front;

/// <summary>A listener as it runs: its name, protocol and the endpoint actually bound (the real port when 0 was asked).</summary>
public sealed record BoundListener(string Name, FrontProtocol Protocol, IPEndPoint EndPoint);
