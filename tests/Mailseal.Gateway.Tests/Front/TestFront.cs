using System.Net;
using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

/// <summary>A started front with one listener of each protocol on 127.0.0.1 port 0 and a recording handler.</summary>
internal sealed class TestFront : IAsyncDisposable
{
    public const string UserName = "portal";
    public const string Password = "correct horse battery staple";

    private TestFront(GatewayFront front, RecordingMessageHandler handler, GatewayFrontOptions options, RecordingLogger logger)
    {
        Front = front;
        Handler = handler;
        Options = options;
        Logger = logger;
    }

    public RecordingLogger Logger { get; }

    public GatewayFront Front { get; }

    public RecordingMessageHandler Handler { get; }

    public GatewayFrontOptions Options { get; }

    public static GatewayFrontOptions DefaultOptions()
    {
        var options = new GatewayFrontOptions { Hostname = "mx.test.example" };
        options.Listeners.Add(new ListenerOptions { Name = "smtp", Protocol = FrontProtocol.Smtp, Endpoint = "127.0.0.1:0" });
        options.Listeners.Add(new ListenerOptions { Name = "lmtp", Protocol = FrontProtocol.Lmtp, Endpoint = "127.0.0.1:0" });
        options.Listeners.Add(new ListenerOptions { Name = "submission", Protocol = FrontProtocol.Submission, Endpoint = "127.0.0.1:0" });
        options.Submission = new SubmissionCredentialsOptions { UserName = UserName, Password = Password };
        return options;
    }

    public static async Task<TestFront> StartAsync(
        Action<GatewayFrontOptions>? configure = null, Action<GatewayFront>? beforeStart = null, Mailseal.Protection.SpoolFactory? spoolFactory = null)
    {
        var options = DefaultOptions();
        configure?.Invoke(options);
        var handler = new RecordingMessageHandler();
        var logger = new RecordingLogger();
        var front = new GatewayFront(Microsoft.Extensions.Options.Options.Create(options), handler, spoolFactory ?? (() => new MemoryStream()), logger);
        beforeStart?.Invoke(front);
        await front.StartAsync(CancellationToken.None);
        return new TestFront(front, handler, options, logger);
    }

    public int PortOf(FrontProtocol protocol) => Front.Listeners.First(listener => listener.Protocol == protocol).EndPoint.Port;

    public IPEndPoint EndPointOf(FrontProtocol protocol) => Front.Listeners.First(listener => listener.Protocol == protocol).EndPoint;

    public Task<RawSmtpClient> ConnectRawAsync(FrontProtocol protocol) => RawSmtpClient.ConnectAsync(PortOf(protocol));

    /// <summary>Stops the front, then fails the test if any session ended by a defect (an unexpected exception).</summary>
    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        Assert.DoesNotContain(Logger.Lines, line => line.Contains("unexpected error", StringComparison.Ordinal));
    }
}
