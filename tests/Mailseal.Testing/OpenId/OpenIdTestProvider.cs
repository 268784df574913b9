using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Mailseal.Testing.OpenId;

/// <summary>
/// A real OpenID provider (node-oidc-provider, <c>provider/provider.mjs</c>) on 127.0.0.1 and a free port,
/// run by Node. Start it, point the portal at <see cref="Issuer"/>, then register the portal's callback URIs
/// and the test accounts with <see cref="ConfigureAsync"/>. Disposing stops the process (and nothing is left).
/// </summary>
public sealed class OpenIdTestProvider : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly Task<string> standardError;

    private OpenIdTestProvider(Process process, Task<string> standardError, Uri issuer)
    {
        this.process = process;
        this.standardError = standardError;
        Issuer = issuer;
    }

    /// <summary>The issuer, <c>http://127.0.0.1:PORT</c> (no trailing slash, as the provider names itself).</summary>
    public Uri Issuer { get; }

    public static string ProviderFolder =>
        Path.Combine(RepositoryRoot.Path, "tests", "Mailseal.Testing", "OpenId", "provider");

    /// <summary>Starts Node with the provider script and waits until it listens.</summary>
    public static async Task<OpenIdTestProvider> StartAsync()
    {
        if (!Directory.Exists(Path.Combine(ProviderFolder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException(
                $"The loopback OpenID provider's packages are missing in {ProviderFolder}. Run scripts/provision.sh "
                + "(it runs `npm ci` there), or `npm ci --prefix tests/Mailseal.Testing/OpenId/provider`.");
        }

        var start = new ProcessStartInfo("node", "provider.mjs")
        {
            WorkingDirectory = ProviderFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var standardError = process.StandardError.ReadToEndAsync();
        try
        {
            var line = await ReadLineAsync(process, standardError, "listening ");
            var port = int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture);
            return new OpenIdTestProvider(process, standardError, new Uri($"http://127.0.0.1:{port}"));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Registers the one client and the accounts, then waits until the provider serves requests.</summary>
    public async Task ConfigureAsync(OpenIdTestClient client, IEnumerable<OpenIdTestAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(accounts);
        var configuration = new
        {
            client = new
            {
                client_id = client.ClientId,
                client_secret = client.ClientSecret,
                redirect_uris = client.RedirectUris.Select(uri => uri.AbsoluteUri).ToArray(),
            },
            accounts = accounts.ToDictionary(account => account.Id, account => account.Claims),
        };
        await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(configuration));
        await process.StandardInput.FlushAsync();
        await ReadLineAsync(process, standardError, "ready");
    }

    public async ValueTask DisposeAsync()
    {
        // Closing standard input is the script's signal to stop; killing is the fallback.
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        await standardError;
        process.Dispose();
    }

    private static async Task<string> ReadLineAsync(Process process, Task<string> standardError, string expectedStart)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                var error = await standardError;
                throw new InvalidOperationException($"The OpenID provider stopped before \"{expectedStart}\": {error}");
            }

            if (line.StartsWith(expectedStart, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }
}
