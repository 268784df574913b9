using System.Net.Sockets;
using Mailseal.Gateway.Front;

namespace Mailseal.Gateway.Tests.Front;

public sealed class GracefulStopTests
{
    [Fact]
    public async Task Stop_TransactionInFlight_CompletesItThenCloses()
    {
        await using var front = await TestFront.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        front.Handler.Gate = _ => release.Task;
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: in flight\r\n\r\nbody\r\n.\r\n");
        await front.Handler.Entered.Task;

        var stopping = front.Front.StopAsync(CancellationToken.None);
        release.SetResult();
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.StartsWith("421 4.3.2", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync());
        await stopping;

        Assert.Single(front.Handler.Messages);
        using var late = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(front.EndPointOf(FrontProtocol.Smtp)));
    }

    [Fact]
    public async Task Stop_IdleConnection_Gets421()
    {
        await using var front = await TestFront.StartAsync();
        await using var client = await front.ConnectRawAsync(FrontProtocol.Lmtp);
        await client.CommandAsync("LHLO mta.example");
        await front.Front.StopAsync(CancellationToken.None);
        Assert.StartsWith("421 4.3.2", await client.ReadReplyAsync(), StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Stop_HandlerOutlivesShutdownTimeout_ConnectionIsClosedWithoutA250()
    {
        await using var front = await TestFront.StartAsync(options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(100));
        front.Handler.Gate = cancellationToken => Task.Delay(Timeout.Infinite, cancellationToken);
        await using var client = await RawTransaction.OpenDataAsync(front);
        await client.SendAsync("Subject: stuck\r\n\r\nbody\r\n.\r\n");
        await front.Handler.Entered.Task;

        await front.Front.StopAsync(CancellationToken.None);
        Assert.Equal("<closed>", await client.ReadReplyAsync());
    }
}
