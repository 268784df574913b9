using System.Diagnostics;

namespace Mailseal.GatewayBench;

/// <summary>Drives a gateway with persistent connections, each sending its messages back to back.</summary>
internal static class LoadPhase
{
    public static async Task<LoadResult> RunAsync(GatewayProcess gateway, RawSink sink, byte[] payload, int clients, int messagesPerClient)
    {
        var connections = new List<LoadClient>();
        for (var i = 0; i < clients; i++)
        {
            connections.Add(await LoadClient.ConnectAsync(gateway.SmtpPort));
        }

        var latencies = new double[clients * messagesPerClient];
        var sinkMessages = sink.Messages;
        var sinkBytes = sink.Bytes;
        var cpu = gateway.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(connections.Select((client, c) => Task.Run(async () =>
        {
            for (var m = 0; m < messagesPerClient; m++)
            {
                latencies[(c * messagesPerClient) + m] = (await client.SendAsync(payload)).TotalMilliseconds;
            }
        })));
        clock.Stop();
        var gatewayCpu = gateway.CpuSeconds() - cpu;
        foreach (var client in connections)
        {
            await client.DisposeAsync();
        }

        var delivered = sink.Messages - sinkMessages;
        if (delivered != latencies.Length)
        {
            throw new InvalidOperationException($"The sink received {delivered} messages of {latencies.Length} accepted.");
        }

        Array.Sort(latencies);
        return new LoadResult(clients, latencies.Length, clock.Elapsed, gatewayCpu, latencies, sink.Bytes - sinkBytes);
    }
}
