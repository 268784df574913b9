namespace Mailseal.Delivery;

/// <summary>When the SMTP client uses STARTTLS towards the next hop.</summary>
public enum TlsPolicy
{
    /// <summary>Use STARTTLS when the next hop offers it, plain text otherwise (a failed handshake is a transient failure, never a silent downgrade).</summary>
    Opportunistic,

    /// <summary>Deliver only over TLS: a next hop without STARTTLS gets nothing (transient failure).</summary>
    Required,

    /// <summary>Never use TLS (a next hop on the same machine).</summary>
    Off,
}
