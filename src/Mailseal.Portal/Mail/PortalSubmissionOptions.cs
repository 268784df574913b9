using Mailseal.Delivery;

namespace Mailseal.Portal.Mail;

/// <summary>The gateway's Submission listener as the portal reaches it ("Portal:Submission").</summary>
public sealed class PortalSubmissionOptions
{
    /// <summary>host:port of the listener (the embedded default: 127.0.0.1:2587).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The account the gateway's "Gateway:Submission" accepts (the embedded default: "portal").</summary>
    public string? UserName { get; set; }

    /// <summary>Its password (the embedded default: the file submission-password in the data folder). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>STARTTLS use; credentials go only over TLS unless the listener is on loopback.</summary>
    public TlsPolicy TlsPolicy { get; set; } = TlsPolicy.Opportunistic;

    /// <summary>Check the listener's certificate; turn off only for a self-signed certificate on a trusted network.</summary>
    public bool ValidateCertificate { get; set; } = true;
}
