using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>
/// `mailseal run` as its own process — the real executable, which a test can kill — with its SMTP and LMTP
/// listeners on the ports Postfix's content filters point at.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private GatewayProcess(Process process, ConcurrentQueue<string> output)
    {
        _process = process;
        _output = output;
    }

    public int ProcessId => _process.Id;

    /// <summary>What the gateway logged so far.</summary>
    public string Output => string.Join("\n", _output);

    /// <summary>Starts the gateway and waits until its LMTP listener greets.</summary>
    public static async Task<GatewayProcess> StartAsync(
        string dataDirectory, PostfixPorts ports, string nextHop, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] args =
        [
            "run", "--data-dir", dataDirectory,
            "--Gateway:Hostname=gateway.test.example",
            $"--Gateway:Listeners:0:Endpoint=127.0.0.1:{ports.GatewaySmtp}",
            $"--Gateway:Listeners:1:Endpoint=127.0.0.1:{ports.GatewayLmtp}",
            "--Gateway:Listeners:2:Endpoint=127.0.0.1:0",
            // mailseal run also hosts the portal and the admin API: free ports, so that tests running beside it never collide.
            "--Portal:Listen=127.0.0.1:0",
            "--Admin:Listen=127.0.0.1:0",
            $"--Delivery:NextHop={nextHop}",
        ];
        var process = ChildProcess.StartMailseal(args, environment);
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, output);
        await Eventually.WaitAsync(
            () => gateway.GreetsAsync(ports.GatewayLmtp), "the gateway to listen", () => Task.FromResult(gateway.Output));
        return gateway;
    }

    /// <summary>SIGKILL: no reply, no clean-up, as when the machine or the process dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the gateway freezes where it is, so that a test can look at it.</summary>
    public void Suspend() => ProcessSignals.Stop(ProcessId);

    /// <summary>SIGCONT, then SIGSTOP again a moment later: the gateway moves on by a small step.</summary>
    public async Task StepAsync()
    {
        ProcessSignals.Continue(ProcessId);
        await Task.Delay(1);
        ProcessSignals.Stop(ProcessId);
    }

    /// <summary>
    /// The sizes of the message spools the gateway has open (temporary files named .mailseal-*), read through
    /// /proc, so that they are found even once unlinked.
    /// </summary>
    public async Task<IReadOnlyList<long>> OpenSpoolSizesAsync()
    {
        var sizes = new List<long>();
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{ProcessId}/fd"))
        {
            var target = new FileInfo(descriptor).LinkTarget;
            if (target is not null && target.Contains("/.mailseal-", StringComparison.Ordinal))
            {
                var size = await ChildProcess.RunAsync("stat", "-L", "-c", "%s", descriptor);
                sizes.Add(long.Parse(size.Trim(), CultureInfo.InvariantCulture));
            }
        }

        return sizes;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A suspended gateway must run again to hear SIGTERM and stop gracefully.
            ProcessSignals.Continue(ProcessId);
            ProcessSignals.Terminate(ProcessId);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private async Task<bool> GreetsAsync(int port)
    {
        Assert.False(_process.HasExited, $"The gateway exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            var buffer = new byte[512];
            var read = await client.GetStream().ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220 ", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
