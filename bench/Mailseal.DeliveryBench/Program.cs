using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Mailseal.Delivery;
using Mailseal.Delivery.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Storage;

// Relays the same 50 KB message to a local SmtpServer sink with Mailseal's lean client and with MailKit
// (MimeKit parse + send, TCP_NODELAY set), and prints wall time and process CPU per message.
// Usage: dotnet run -c Release --project bench/Mailseal.DeliveryBench [messages]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
var message = FiftyKilobyteMessage();

using var stop = new CancellationTokenSource();
var started = new TaskCompletionSource<int>();
var listeners = new EndpointListenerFactory();
listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
var services = new SmtpServer.ComponentModel.ServiceProvider();
services.Add(listeners);
services.Add(new DiscardingStore());
var server = new SmtpServer.SmtpServer(
    new SmtpServerOptionsBuilder().ServerName("sink").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build(), services);
var running = server.StartAsync(stop.Token);
var smtpServerPort = await started.Task;
using var rawSink = new RawSink();
var sinks = new[] { ("SmtpServer sink", smtpServerPort), ("raw NoDelay sink", rawSink.Port) };
foreach (var (sinkName, port) in sinks)
{
    Console.WriteLine($"-- {sinkName}");

    await using (var lean = new SmtpNextHopDelivery(
        Options.Create(new DeliveryOptions { NextHop = $"127.0.0.1:{port}", HeloName = "bench", TlsPolicy = TlsPolicy.Off }),
        TimeProvider.System, NullLogger<SmtpNextHopDelivery>.Instance))
    {
        async Task SendLean()
        {
            var result = await lean.DeliverAsync(new OutboundMessage("a@example.com", ["b@example.net"], new MemoryStream(message, false)), CancellationToken.None);
            if (!result.AllDelivered)
            {
                throw new InvalidOperationException(result.Recipients[0].Detail);
            }
        }

        await Measure("lean client (Mailseal.Delivery)", count, SendLean);
}

using (var mailKit = new MailKit.Net.Smtp.SmtpClient())
{
    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync(IPAddress.Loopback, port);
    await mailKit.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None);
    var options = FormatOptions.Default.Clone();
    options.NewLineFormat = NewLineFormat.Dos;

    async Task SendMailKit()
    {
        using var parsed = MimeMessage.Load(new MemoryStream(message, false));
        await mailKit.SendAsync(options, parsed, new MailboxAddress("", "a@example.com"), [new MailboxAddress("", "b@example.net")]);
    }

    await Measure("MailKit (MimeKit parse + SendAsync, NoDelay)", count, SendMailKit);
    await mailKit.DisconnectAsync(true);
}

}

await stop.CancelAsync();
try
{
    await running;
}
catch (OperationCanceledException)
{
    // Stopped.
}

static async Task Measure(string name, int count, Func<Task> send)
{
    for (var i = 0; i < 50; i++)
    {
        await send();
    }

    var process = Process.GetCurrentProcess();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await send();
    }

    clock.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    Console.WriteLine($"{name}: {count / clock.Elapsed.TotalSeconds:F0} msg/s, {clock.Elapsed.TotalMilliseconds / count:F3} ms wall and "
        + $"{cpu.TotalMilliseconds / count:F3} ms CPU (client + sink) per message");
}

static byte[] FiftyKilobyteMessage()
{
    var text = new StringBuilder()
        .Append("From: Alice <a@example.com>\r\nTo: Bob <b@example.net>\r\nSubject: figures\r\n")
        .Append("Date: Mon, 02 Mar 2026 09:30:00 +0000\r\nMessage-ID: <bench@example.com>\r\nMIME-Version: 1.0\r\n")
        .Append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
    var line = 0;
    while (text.Length < 50 * 1024)
    {
        text.Append(line++ % 10 == 0 ? ".A line that starts with a dot\r\n" : "The quarterly figures are in the attached table, as agreed.\r\n");
    }

    return Encoding.ASCII.GetBytes(text.ToString());
}

internal sealed class DiscardingStore : MessageStore
{
    public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
        Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
}
