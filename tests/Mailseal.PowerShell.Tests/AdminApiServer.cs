using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Mailseal.Testing;

namespace Mailseal.PowerShell.Tests;

/// <summary>
/// The real admin API: `mailseal run` as its own process on a fresh data folder, with the admin listener and the
/// gateway's listeners on free loopback ports, and an API key made with `mailseal admin-key new`.
/// </summary>
public sealed partial class AdminApiServer : IAsyncLifetime
{
    private static readonly string MailsealDll = Path.Combine(AppContext.BaseDirectory, "mailseal.dll");
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    /// <summary>Deleted in <see cref="DisposeAsync"/>; a path rather than a TempDirectory, whose owner would have to be IDisposable too.</summary>
    private readonly string _directory = Directory.CreateTempSubdirectory("mailseal-ps-test-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public Uri Uri { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    public string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>A folder for the tests' own files (messages, logos).</summary>
    public string Files => Directory.CreateDirectory(Path.Combine(_directory, "files")).FullName;

    public async Task InitializeAsync()
    {
        var created = await RunToEndAsync("admin-key", "new", "--name", "powershell-tests", "--data-dir", DataDirectory);
        ApiKey = KeyPattern().Match(created).Value;
        Assert.False(string.IsNullOrEmpty(ApiKey), $"`mailseal admin-key new` printed no key:\n{created}");

        var adminPort = LoopbackPorts.Free();
        Uri = new Uri($"http://127.0.0.1:{adminPort}");
        _process = Start(
            "run", "--data-dir", DataDirectory,
            $"--Admin:Listen=127.0.0.1:{adminPort}",
            "--Portal:Listen=127.0.0.1:0",
            "--Gateway:Listeners:0:Endpoint=127.0.0.1:0",
            "--Gateway:Listeners:1:Endpoint=127.0.0.1:0",
            "--Gateway:Listeners:2:Endpoint=127.0.0.1:0");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await WaitForListenerAsync(adminPort);
        }
        catch
        {
            // A fixture that fails to start is not disposed by xunit: stop the server and delete its folder here.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task WaitForListenerAsync(int port)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (true)
        {
            Assert.False(_process!.HasExited, $"`mailseal run` exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{string.Join('\n', _output)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                Assert.Fail($"The admin API never listened on 127.0.0.1:{port}:\n{string.Join('\n', _output)}");
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(MailsealDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<string> RunToEndAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"mailseal {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"msk_[A-Za-z0-9_\-]+")]
    private static partial Regex KeyPattern();
}
