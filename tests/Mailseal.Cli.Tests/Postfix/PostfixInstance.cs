using System.Text;
using System.Text.Json;
using Mailseal.Testing;

namespace Mailseal.Cli.Tests.Postfix;

/// <summary>
/// A private Postfix (Debian's package) run with `postfix -c DIR`: its own configuration, queue and data folders,
/// listeners on free loopback ports, a log file. The configuration is Debian's master.cf plus the operator
/// fragments in deploy/postfix/ with their placeholders filled in — what docs/postfix.md tells an operator to do.
/// </summary>
internal sealed class PostfixInstance : IAsyncDisposable
{
    private const string Postfix = "/usr/sbin/postfix";
    private const string DistributedMasterCf = "/usr/share/postfix/master.cf.dist";

    private readonly TempDirectory _root;

    private PostfixInstance(TempDirectory root, PostfixPorts ports)
    {
        _root = root;
        Ports = ports;
    }

    public PostfixPorts Ports { get; }

    private string ConfigDirectory => _root.Combine("conf");

    private string LogFile => _root.Combine("maillog");

    public static async Task<PostfixInstance> StartAsync(PostfixPorts ports)
    {
        if (!File.Exists(Postfix))
        {
            throw new InvalidOperationException(
                "Postfix is not installed, so the Postfix tests cannot run. Run the README's test command (scripts/test.sh), "
                + "or `bash scripts/provision.sh` as root.");
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Postfix runs on Linux.");
        }

        var root = new TempDirectory();
        var instance = new PostfixInstance(root, ports);
        try
        {
            await instance.ConfigureAsync();
            await ChildProcess.RunAsync(Postfix, "-c", instance.ConfigDirectory, "start");
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Retries every queued message now (`postqueue -f`), instead of waiting for the retry timers.</summary>
    public Task FlushAsync() => ChildProcess.RunAsync("/usr/sbin/postqueue", "-c", ConfigDirectory, "-f");

    public async Task<IReadOnlyList<QueuedMessage>> QueueAsync()
    {
        var lines = await ChildProcess.RunAsync("/usr/sbin/postqueue", "-c", ConfigDirectory, "-j");
        return [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<QueuedMessage>(line)!)];
    }

    /// <summary>Waits until Postfix has nothing left to deliver.</summary>
    public Task WaitUntilQueueEmptyAsync() =>
        Eventually.WaitAsync(async () => (await QueueAsync()).Count == 0, "Postfix's queue to empty", DescribeAsync);

    /// <summary>Postfix's log so far: what each delivery attempt ended with, which a later retry cannot overwrite.</summary>
    public string Log() => File.Exists(LogFile) ? ReadShared(LogFile) : "";

    /// <summary>The queue and the end of the log, for a failing test's message.</summary>
    public async Task<string> DescribeAsync()
    {
        var queue = string.Join("\n", (await QueueAsync()).Select(m =>
            $"{m.QueueName} {m.QueueId}: {string.Join("; ", m.Recipients.Select(r => $"{r.Address} {r.DelayReason}"))}"));
        var log = Log().Split('\n').TakeLast(40);
        return $"queue:\n{queue}\nlog:\n{string.Join("\n", log)}";
    }

    public async ValueTask DisposeAsync()
    {
        var pidFile = _root.Combine("queue", "pid", "master.pid");
        // Postfix keeps master.pid locked: read it through another process.
        if (File.Exists(pidFile) && int.TryParse((await ChildProcess.RunAsync("cat", pidFile)).Trim(), out var pid))
        {
            await ChildProcess.RunAsync(Postfix, "-c", ConfigDirectory, "stop");
            // `postfix stop` signals the master; its folders go only once it and its children are gone.
            await Eventually.WaitAsync(() => Task.FromResult(!Directory.Exists($"/proc/{pid}")), "Postfix to stop");
        }

        _root.Dispose();
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = values.Aggregate(template, (current, pair) => current.Replace("{{" + pair.Key + "}}", pair.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        return text;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private async Task ConfigureAsync()
    {
        // Postfix's daemons run as the postfix user: they must reach the folders, and own the data folder.
        File.SetUnixFileMode(_root.Path, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(_root.Combine("queue"));
        Directory.CreateDirectory(_root.Combine("data"));
        await ChildProcess.RunAsync("chown", "postfix", _root.Combine("data"));

        var values = new Dictionary<string, string>
        {
            ["MAILSEAL_LMTP_HOST"] = "127.0.0.1",
            ["MAILSEAL_LMTP_PORT"] = $"{Ports.GatewayLmtp}",
            ["REINJECT_HOST"] = "127.0.0.1",
            ["REINJECT_PORT"] = $"{Ports.Reinject}",
        };
        var deploy = Path.Combine(RepositoryRoot.Path, "deploy", "postfix");
        await File.WriteAllTextAsync(Path.Combine(ConfigDirectory, "main.cf"),
            InstanceMainCf() + Fill(await File.ReadAllTextAsync(Path.Combine(deploy, "main.cf")), values));

        var masterCf = Path.Combine(ConfigDirectory, "master.cf");
        File.Copy(DistributedMasterCf, masterCf);
        // Not Debian's public port 25, and no chroot (it would need copies of system files in the private queue).
        await ChildProcess.RunAsync("/usr/sbin/postconf", "-c", ConfigDirectory, "-M#", "smtp/inet");
        await ChildProcess.RunAsync("/usr/sbin/postconf", "-c", ConfigDirectory, "-F", "*/*/chroot = n");
        await File.AppendAllTextAsync(masterCf,
            Fill(await File.ReadAllTextAsync(Path.Combine(deploy, "master.cf")), values) + InstanceMasterCf());
    }

    // Everything here that is not in deploy/postfix/main.cf belongs to this private test instance.
    private string InstanceMainCf() => $"""
        compatibility_level = 3.6
        queue_directory = {_root.Combine("queue")}
        data_directory = {_root.Combine("data")}
        mail_owner = postfix
        setgid_group = postdrop
        myhostname = mta.test.example
        mydestination =
        inet_interfaces = loopback-only
        inet_protocols = ipv4
        mynetworks = 127.0.0.0/8
        smtpd_relay_restrictions = permit_mynetworks, reject
        alias_maps =
        alias_database =
        # Debian's "Local only" sets these to error; a gateway's Postfix relays.
        default_transport = smtp
        relay_transport = relay
        relayhost = [127.0.0.1]:{Ports.RelayHost}
        smtp_tls_security_level = none
        maillog_file = {LogFile}
        maillog_file_prefixes = {_root.Path}
        # Tests retry with `postqueue -f`; short timers keep a deferred message from waiting long besides.
        queue_run_delay = 1s
        minimal_backoff_time = 1s
        maximal_backoff_time = 2s

        """;

    // The public listeners of this instance: one hands mail to the gateway over LMTP (main.cf's content_filter),
    // the other over SMTP.
    private string InstanceMasterCf() => $"""

        127.0.0.1:{Ports.SubmitLmtp} inet n - n - - smtpd
        127.0.0.1:{Ports.SubmitSmtp} inet n - n - - smtpd
            -o content_filter=mailseal_smtp:[127.0.0.1]:{Ports.GatewaySmtp}

        """;
}
