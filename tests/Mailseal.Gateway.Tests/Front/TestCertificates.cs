using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mailseal.Testing;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>A self-signed server certificate made for the test, written as PFX and as PEM files.</summary>
internal sealed class TestCertificates
{
    public const string PfxPassword = "pfx-password";

    private TestCertificates(string thumbprint, string pfxPath, string pemCertificatePath, string pemKeyPath)
    {
        Thumbprint = thumbprint;
        PfxPath = pfxPath;
        PemCertificatePath = pemCertificatePath;
        PemKeyPath = pemKeyPath;
    }

    public string Thumbprint { get; }

    public string PfxPath { get; }

    public string PemCertificatePath { get; }

    public string PemKeyPath { get; }

    public static TestCertificates Create(TempDirectory directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mx.test.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("mx.test.example");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        var pfxPath = directory.Combine("server.pfx");
        File.WriteAllBytes(pfxPath, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
        var certificatePath = directory.Combine("server.crt");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        var keyPath = directory.Combine("server.key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(certificate.Thumbprint, pfxPath, certificatePath, keyPath);
    }
}
