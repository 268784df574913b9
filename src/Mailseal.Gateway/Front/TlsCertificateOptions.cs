namespace Mailseal.Gateway.Front;

/// <summary>
/// The server certificate offered by STARTTLS: either a PKCS#12 file (with its password) or a PEM certificate
/// (chain) with a PEM private key. Without one, STARTTLS is not offered.
/// </summary>
public sealed class TlsCertificateOptions
{
    public string? PfxPath { get; set; }

    public string? PfxPassword { get; set; }

    public string? PemCertificatePath { get; set; }

    public string? PemKeyPath { get; set; }

    internal bool IsConfigured =>
        !string.IsNullOrWhiteSpace(PfxPath) || !string.IsNullOrWhiteSpace(PemCertificatePath);
}
