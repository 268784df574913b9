using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mailseal.Admin.Tests.Api;
using Mailseal.Testing;

namespace Mailseal.Admin.Tests.Hosting;

public sealed class AdminTlsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Post_ListenerWithCertificate_AnswersOverHttpsWithThatCertificate()
    {
        using var certificate = SelfSigned();
        var pfx = _directory.Combine("admin.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pw"));
        await using var app = await AdminApiApp.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:Tls:PfxPath"] = pfx,
            ["Admin:Tls:PfxPassword"] = "pw",
        });
        string? seenThumbprint = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
            {
                seenThumbprint = presented?.Thumbprint;
                return presented?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = app.AdminUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Key);

        using var response = await app.PostAsync("users/list", null, client);

        Assert.Equal("https", app.AdminUri.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(certificate.Thumbprint, seenThumbprint);
    }

    public void Dispose() => _directory.Dispose();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
