using System.Security.Cryptography.X509Certificates;
using System.Text;
using Mailseal.Cli.Hosting;
using Mailseal.Core.Keys;
using Mailseal.Protection.Branding;
using Mailseal.Protection.Envelope;
using Mailseal.Protection.Keys;
using Mailseal.Protection.Wrapper;
using Mailseal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mailseal.Portal.Tests.Infrastructure;

/// <summary>
/// The real `mailseal run` host (gateway and portal, SQLite in a temporary data folder, every listener on 127.0.0.1
/// port 0) with a clock the test moves. Under https it serves a certificate made for the test.
/// </summary>
internal sealed class PortalApp : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly WebApplication _app;
    private readonly X509Certificate2? _certificate;

    private PortalApp(TempDirectory directory, WebApplication app, FakeTimeProvider time, Uri publicUrl, X509Certificate2? certificate)
    {
        _directory = directory;
        _app = app;
        Time = time;
        PublicUrl = publicUrl;
        _certificate = certificate;
        // The host has the admin listener too: the portal's is the other one.
        var adminPort = app.Services.GetRequiredService<Mailseal.Admin.Hosting.AdminListenerAddress>().Uri!.Port;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => new Uri(a).Port != adminPort));
    }

    public FakeTimeProvider Time { get; }

    /// <summary>Portal:PublicUrl: what the browser would see (the Origin of its posts).</summary>
    public Uri PublicUrl { get; }

    /// <summary>Where Kestrel really listens.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public string Origin => PortalAddresses.Origin(PublicUrl);

    /// <summary>The pickup folder every delivered copy lands in.</summary>
    public string Outbox => _directory.Combine("outbox");

    public static Task<PortalApp> StartAsync(bool https = false, params string[] settings) => StartAsync(https, _ => { }, settings);

    /// <summary>Starts the host with <paramref name="services"/> applied after its own registrations (test-only settings).</summary>
    public static async Task<PortalApp> StartAsync(bool https, Action<IServiceCollection> services, params string[] settings)
    {
        var directory = new TempDirectory();
        X509Certificate2? certificate = null;
        // The portal's mail sender needs the Submission port before the host starts: take a free one.
        var submission = LoopbackPorts.Free();
        var arguments = new List<string>
        {
            "--Gateway:Listeners:0:Endpoint=127.0.0.1:0",
            "--Gateway:Listeners:1:Endpoint=127.0.0.1:0",
            $"--Gateway:Listeners:2:Endpoint=127.0.0.1:{submission}",
            $"--Portal:Submission:Endpoint=127.0.0.1:{submission}",
            "--Portal:Listen=127.0.0.1:0",
            "--Admin:Listen=127.0.0.1:0",
            "--Delivery:PickupDirectory=" + directory.Combine("outbox"),
        };
        var publicUrl = new Uri(https ? "https://portal.test/" : "http://portal.test/");
        if (https)
        {
            certificate = TestCertificate.Create("portal.test");
            var pfx = directory.Combine("portal.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "test"));
            arguments.Add("--Portal:Certificate:PfxPath=" + pfx);
            arguments.Add("--Portal:Certificate:PfxPassword=test");
        }

        arguments.Add("--Portal:PublicUrl=" + publicUrl);
        arguments.AddRange(settings);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = MailsealHost.Build(directory.Combine("data"), [.. arguments], registered =>
        {
            registered.AddSingleton<TimeProvider>(time);
            services(registered);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A start a test expects to fail leaves nothing behind.
            await app.DisposeAsync();
            certificate?.Dispose();
            directory.Dispose();
            throw;
        }

        // A setting may name another public URL (a test a real browser must reach): the host's own value counts.
        var configured = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicUrl;
        return new PortalApp(directory, app, time, configured, certificate);
    }

    /// <summary>A client that follows no redirect and keeps no cookies (the test's <see cref="Browser"/> does).</summary>
    public HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        if (_certificate is not null)
        {
            var expected = _certificate.GetCertHash();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(expected);
        }

        return new HttpClient(handler) { BaseAddress = Address };
    }

    public Browser CreateBrowser() => new(CreateClient(), Origin);

    /// <summary>Seals a small message for <paramref name="recipients"/> with this app's keys; returns the envelope.</summary>
    public Task<byte[]> SealAsync(string subject, string[] recipients, DateTimeOffset? expiresAt = null, int bodyBytes = 200)
    {
        var body = new string('x', bodyBytes);
        var message = Encoding.ASCII.GetBytes(
            $"From: Alice <alice@example.org>\r\nTo: {string.Join(", ", recipients)}\r\nSubject: {subject}\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@example.org>\r\nDate: Sat, 28 Nov 2026 12:00:00 +0000\r\n\r\n{body}\r\n");
        return SealAsync(message, recipients, expiresAt);
    }

    /// <summary>Seals <paramref name="message"/> (its bytes) for <paramref name="recipients"/>; returns the envelope.</summary>
    public async Task<byte[]> SealAsync(byte[] message, string[] recipients, DateTimeOffset? expiresAt = null)
    {
        using var output = new MemoryStream();
        await Services.GetRequiredService<EnvelopeSealer>().SealAsync(
            new MemoryStream(message),
            new SealRequest("alice@example.org", recipients, null, "en", "OME Configuration", expiresAt),
            output);
        return output.ToArray();
    }

    /// <summary>An envelope sealed under another tenant's keys: genuine, but foreign here.</summary>
    public static async Task<byte[]> SealForeignAsync(string recipient)
    {
        await using var other = await StartAsync();
        await other.EnsureKeysAsync();
        return await other.SealAsync("Foreign", [recipient]);
    }

    /// <summary>message.html around an envelope, as the gateway attaches it.</summary>
    public async Task<byte[]> MessageHtmlAsync(byte[] envelope)
    {
        using var output = new MemoryStream();
        await MessageHtmlWriter.WriteAsync(output, EffectiveBranding.Resolve(null, "en"), PublicUrl, new MemoryStream(envelope));
        return output.ToArray();
    }

    public async Task EnsureKeysAsync()
    {
        var keys = Services.GetRequiredService<KeyManager>();
        if (!await keys.HasActiveKeysAsync())
        {
            await keys.CreateInitialKeysAsync("Mailseal", CryptoMode.Mode2, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate?.Dispose();
        _directory.Dispose();
    }
}
