using Mailseal.Gateway.Front;
using Mailseal.Testing;
using MailKit.Security;

namespace Mailseal.Gateway.Tests.Front;

public sealed class TlsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartTls_SelfSignedCertificate_MessageArrivesOverTls(bool pfx)
    {
        using var directory = new TempDirectory();
        var certificates = TestCertificates.Create(directory);
        await using var front = await TestFront.StartAsync(options => options.Tls = pfx
            ? new TlsCertificateOptions { PfxPath = certificates.PfxPath, PfxPassword = TestCertificates.PfxPassword }
            : new TlsCertificateOptions { PemCertificatePath = certificates.PemCertificatePath, PemKeyPath = certificates.PemKeyPath });
        var message = MailKitClients.Message();
        using (var client = await MailKitClients.ConnectAsync(front.PortOf(FrontProtocol.Smtp), SecureSocketOptions.StartTls, certificates.Thumbprint))
        {
            Assert.True(client.IsSecure);
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        var received = Assert.Single(front.Handler.Messages);
        Assert.True(received.Transaction.IsTls);
        Assert.Equal(MailKitClients.WireBytes(message), received.Bytes);
    }

    [Fact]
    public async Task StartTls_CommandsPipelinedBeforeHandshake_AreDiscarded()
    {
        using var directory = new TempDirectory();
        var certificates = TestCertificates.Create(directory);
        await using var front = await TestFront.StartAsync(options => options.Tls = new TlsCertificateOptions { PfxPath = certificates.PfxPath, PfxPassword = TestCertificates.PfxPassword });
        await using var client = await front.ConnectRawAsync(FrontProtocol.Smtp);
        Assert.Contains("STARTTLS", await client.CommandAsync("EHLO client.example"), StringComparison.Ordinal);
        // An injected command after STARTTLS in clear (CVE-2011-0411 style) must never be answered.
        await client.SendAsync("STARTTLS\r\nMAIL FROM:<injected@example.org>\r\n");
        Assert.StartsWith("220 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        await client.UpgradeToTlsAsync(certificates.Thumbprint);
        // Had the injected MAIL been kept, its 503 would come first; the first reply over TLS must be the EHLO's.
        var ehlo = await client.CommandAsync("EHLO client.example");
        Assert.StartsWith("250-mx.test.example", ehlo, StringComparison.Ordinal);
        Assert.DoesNotContain("STARTTLS", ehlo, StringComparison.Ordinal);
        Assert.StartsWith("503 5.5.1", await client.CommandAsync("STARTTLS"), StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"), StringComparison.Ordinal);
    }
}
