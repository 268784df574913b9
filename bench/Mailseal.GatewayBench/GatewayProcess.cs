using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mailseal.GatewayBench;

/// <summary>
/// `mailseal run` as its own process, listening on free loopback ports and relaying to the sink, so that its CPU
/// time (/proc/PID/stat) and peak resident size (VmHWM in /proc/PID/status) are the gateway's alone.
/// </summary>
internal sealed class GatewayProcess : IDisposable
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux
    private readonly Process _process;
    private readonly StreamWriter _log;

    private GatewayProcess(Process process, StreamWriter log, int smtpPort)
    {
        _process = process;
        _log = log;
        SmtpPort = smtpPort;
    }

    public int SmtpPort { get; }

    public static async Task<GatewayProcess> StartAsync(string cli, string dataDirectory, int nextHopPort, string logFile)
    {
        var smtp = FreePort();
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "run", "--data-dir", dataDirectory,
            $"--Gateway:Listeners:0:Endpoint=127.0.0.1:{smtp}",
            $"--Gateway:Listeners:1:Endpoint=127.0.0.1:{FreePort()}",
            $"--Gateway:Listeners:2:Endpoint=127.0.0.1:{FreePort()}",
            // The portal and the admin listener of `mailseal run` too: the two gateways of one run must not share ports.
            $"--Portal:Listen=127.0.0.1:{FreePort()}",
            $"--Admin:Listen=127.0.0.1:{FreePort()}",
            "--Gateway:Hostname=gateway.bench",
            $"--Delivery:NextHop=127.0.0.1:{nextHopPort}",
            "--Delivery:TlsPolicy=Off",
            "--Delivery:HeloName=gateway.bench",
            // One pooled connection per client, so that 8 clients never wait for a connection to the next hop.
            "--Delivery:PoolSize=8",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{cli} did not start.");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, log, smtp);
        try
        {
            await gateway.WaitUntilListeningAsync();
            return gateway;
        }
        catch
        {
            gateway.Dispose();
            throw;
        }
    }

    /// <summary>User and system CPU time of the gateway so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // Fields after the command name (which may contain spaces) start at its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var userTicks = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var systemTicks = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (userTicks + systemTicks) / ClockTicksPerSecond;
    }

    /// <summary>Resident size now (VmRSS), in KiB.</summary>
    public long ResidentKib() => StatusKib("VmRSS:");

    /// <summary>Peak resident size since the start (VmHWM), in KiB.</summary>
    public long PeakResidentKib() => StatusKib("VmHWM:");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        // Also waits for the last lines of its output, so the log is not written after it is closed.
        _process.WaitForExit();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private long StatusKib(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with status {_process.ExitCode}; see its log.");
            }

            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(IPAddress.Loopback, SmtpPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("The gateway did not listen within 60 s.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
