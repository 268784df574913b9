using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit.Net.Smtp;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Testing;
using Mailseal.Testing.Browsers;
using Mailseal.Testing.Organization;
using MimeKit;

namespace Mailseal.Portal.Tests.EndToEnd;

/// <summary>
/// The built `mailseal run` as a child process — gateway and portal, SQLite in a temporary data folder, delivery to
/// a pickup folder — on free loopback ports, the portal over HTTPS with a certificate made for this run. The
/// organisation is example.org: mail to outside is sealed (ApplyOME), envelopes coming back to inside are unsealed
/// (RemoveOME).
/// </summary>
internal sealed class MailsealProcess : IAsyncDisposable
{
    public const string Domain = "example.org";

    /// <summary>
    /// The executable in its own build output, with its own dependencies: in this test project's output the shared
    /// ASP.NET Core framework replaces package assemblies that mailseal's deps.json names.
    /// </summary>
    private static readonly string MailsealDll = Path.Combine(
        RepositoryRoot.Path, "src", "Mailseal.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "mailseal.dll");

    private readonly TempDirectory _directory;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private MailsealProcess(TempDirectory directory, Process process, ConcurrentQueue<string> output, X509Certificate2 certificate, int smtpPort, Uri portal)
    {
        _directory = directory;
        _process = process;
        _output = output;
        Certificate = certificate;
        SmtpPort = smtpPort;
        PortalUrl = portal;
        Outbox = new Outbox(directory.Combine("outbox"));
    }

    /// <summary>The portal's public URL, https://127.0.0.1:PORT/.</summary>
    public Uri PortalUrl { get; }

    public int SmtpPort { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// The certificate's public key as Chromium's --ignore-certificate-errors-spki-list wants it: base64 of the
    /// SHA-256 of the SubjectPublicKeyInfo. Only this key is accepted, unlike IgnoreHTTPSErrors, which accepts any.
    /// </summary>
    public string CertificateSpkiHash => Convert.ToBase64String(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public Outbox Outbox { get; }

    public string DataDirectory => _directory.Combine("data");

    public int ProcessId => _process.Id;

    /// <summary>Everything the process wrote to standard output and error so far (its whole log).</summary>
    public string Log => string.Join("\n", _output);

    /// <summary>Resident memory of the process now (VmRSS), in KiB.</summary>
    public long ResidentKib()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Starts `mailseal run`; <paramref name="settings"/> (--Section:Key=value) add to or override the defaults.</summary>
    public static async Task<MailsealProcess> StartAsync(params string[] settings)
    {
        var directory = new TempDirectory();
        try
        {
            var data = directory.Combine("data");
            var configuration = directory.Combine("mailseal.json");
            await File.WriteAllTextAsync(configuration, OrganizationDocuments.SealOutsideUnsealInside);
            await RunToEndAsync("import", "--data-dir", data, configuration);

            var certificate = TestCertificate.Create("localhost");
            var pfx = directory.Combine("portal.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "e2e"));
            var smtp = LoopbackPorts.Free();
            var submission = LoopbackPorts.Free();
            var portal = new Uri($"https://127.0.0.1:{LoopbackPorts.Free()}/");
            var output = new ConcurrentQueue<string>();
            var process = Start(
            [
                "run", "--data-dir", data,
                $"--Gateway:Listeners:0:Endpoint=127.0.0.1:{smtp}",
                "--Gateway:Listeners:1:Endpoint=127.0.0.1:0",
                $"--Gateway:Listeners:2:Endpoint=127.0.0.1:{submission}",
                $"--Portal:Submission:Endpoint=127.0.0.1:{submission}",
                $"--Portal:Listen=127.0.0.1:{portal.Port}",
                $"--Portal:PublicUrl={portal}",
                "--Admin:Listen=127.0.0.1:0",
                $"--Portal:Certificate:PfxPath={pfx}",
                "--Portal:Certificate:PfxPassword=e2e",
                "--Delivery:PickupDirectory=" + directory.Combine("outbox"),
                .. settings,
            ]);
            process.OutputDataReceived += (_, e) => Keep(output, e.Data);
            process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var mailseal = new MailsealProcess(directory, process, output, certificate, smtp, portal);
            await mailseal.WaitUntilReadyAsync();
            return mailseal;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Headless Chromium that trusts this run's certificate (its key only).</summary>
    public Task<Chromium> LaunchChromiumAsync() => Chromium.LaunchAsync("--ignore-certificate-errors-spki-list=" + CertificateSpkiHash);

    /// <summary>Hands <paramref name="message"/> to the gateway's SMTP listener, as the organisation's mail server does.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(quit: true);
    }

    /// <summary>Sends <paramref name="message"/> (to one outside recipient) and returns the wrapper mail the gateway delivered.</summary>
    public async Task<MimeMessage> SendForWrapperAsync(MimeMessage message)
    {
        var recipient = message.To.Mailboxes.Single().Address;
        var before = Outbox.For(recipient).Count;
        await SendAsync(message);
        return await Outbox.WaitForAsync(recipient, before + 1);
    }

    /// <summary>An HTTP client that trusts this run's certificate only and follows no redirect.</summary>
    public HttpClient CreateClient()
    {
        var expected = Certificate.GetCertHash();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(expected);
        return new HttpClient(handler) { BaseAddress = PortalUrl };
    }

    public async ValueTask DisposeAsync()
    {
        var log = TestArtifacts.PathFor($"mailseal-run-{ProcessId.ToString(CultureInfo.InvariantCulture)}.log");
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        await File.WriteAllTextAsync(log, Log);
        Certificate.Dispose();
        _directory.Dispose();
    }

    private static Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(MailsealDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task RunToEndAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"mailseal {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            Assert.False(_process.HasExited, $"mailseal run exited:\n{Log}");
            if (await GreetsAsync() && await AnswersAsync(client))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"mailseal run did not listen within 120 s:\n{Log}");
    }

    private async Task<bool> GreetsAsync()
    {
        try
        {
            using var smtp = new TcpClient();
            await smtp.ConnectAsync("127.0.0.1", SmtpPort);
            var buffer = new byte[512];
            var read = await smtp.GetStream().ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220 ", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/open");
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
