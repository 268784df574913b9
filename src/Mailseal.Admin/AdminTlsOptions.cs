namespace Mailseal.Admin;

/// <summary>The admin listener's certificate: a PKCS#12 file (with its password) or a PEM certificate with a PEM key.</summary>
public sealed class AdminTlsOptions
{
    public string? PfxPath { get; set; }

    public string? PfxPassword { get; set; }

    public string? PemCertificatePath { get; set; }

    public string? PemKeyPath { get; set; }

    internal bool IsConfigured => !string.IsNullOrWhiteSpace(PfxPath) || !string.IsNullOrWhiteSpace(PemCertificatePath);
}
