namespace Mailseal.Portal.Hosting;

/// <summary>The portal's HTTPS certificate: a PKCS#12 file (with its password) or a PEM certificate (chain) and PEM key.</summary>
public sealed class PortalCertificateOptions
{
    public string? PfxPath { get; set; }

    public string? PfxPassword { get; set; }

    public string? PemCertificatePath { get; set; }

    public string? PemKeyPath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PfxPath) || !string.IsNullOrWhiteSpace(PemCertificatePath);
}
