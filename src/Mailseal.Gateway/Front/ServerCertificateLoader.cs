using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Mailseal.Gateway.Front;

/// <summary>Loads the STARTTLS certificate once at start and builds the server options for every handshake.</summary>
internal static class ServerCertificateLoader
{
    /// <summary>The TLS server options, or null when no certificate is configured (STARTTLS is then not offered).</summary>
    public static SslServerAuthenticationOptions? Load(TlsCertificateOptions options)
    {
        if (!options.IsConfigured)
        {
            return null;
        }

        X509Certificate2 certificate;
        X509Certificate2Collection? chain = null;
        if (!string.IsNullOrWhiteSpace(options.PfxPath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.PfxPath, options.PfxPassword);
        }
        else
        {
            certificate = X509Certificate2.CreateFromPemFile(options.PemCertificatePath!, options.PemKeyPath);
            chain = [];
            chain.ImportFromPemFile(options.PemCertificatePath!);
            chain.RemoveAt(0);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("Gateway:Tls: the certificate has no private key.");
        }

        return new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(certificate, chain, offline: true),
            ClientCertificateRequired = false,
        };
    }
}
