using System.Security.Cryptography.X509Certificates;

namespace Mailseal.Portal.Hosting;

/// <summary>Loads the portal's HTTPS certificate once at start.</summary>
internal static class PortalCertificateLoader
{
    public static X509Certificate2 Load(PortalCertificateOptions options)
    {
        var certificate = !string.IsNullOrWhiteSpace(options.PfxPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(options.PfxPath, options.PfxPassword)
            : X509Certificate2.CreateFromPemFile(options.PemCertificatePath!, options.PemKeyPath);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException("Portal:Certificate: the certificate has no private key.");
    }
}
