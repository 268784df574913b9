namespace Mailseal.Gateway.Front;

/// <summary>One listening socket of the front.</summary>
public sealed class ListenerOptions
{
    /// <summary>Name used in logs and in <see cref="MessageTransaction.ListenerName"/>; defaults to protocol and endpoint.</summary>
    public string? Name { get; set; }

    public FrontProtocol Protocol { get; set; } = FrontProtocol.Smtp;

    /// <summary>Address and port, e.g. "127.0.0.1:2525" or "[::1]:2525"; port 0 picks a free port.</summary>
    public string Endpoint { get; set; } = "127.0.0.1:2525";

    internal string EffectiveName => string.IsNullOrWhiteSpace(Name) ? $"{Protocol}@{Endpoint}" : Name;
}
