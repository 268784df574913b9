using System.Globalization;
using Mailseal.Benchmarks;
using Mailseal.GatewayBench;

// The gateway under load (docs/performance.md, "The gateway"): `mailseal run` as a separate process relaying to a
// raw sink in this process, once with a rule that seals and once with a rule set that matches nothing
// (pass-through), 1 and 8 persistent clients with 50 KB messages, one 25 MB message, and the unavoidable parts of
// sealing measured here in the same run. Prints each figure beside its target; exit status 1 when one fails.
// Usage (bench/gateway.sh prepares the data folders):
//   Mailseal.GatewayBench --cli PATH --sealed-data DIR --pass-data DIR --logs DIR [--messages N] [--per-client N] [--large-bytes N]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var message = SampleMessage.Create(BenchOptions.MessageBytes);
var payload = LoadClient.DataPayload(message);
using var sink = new RawSink();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load before: {BenchOptions.LoadAverage()}");

LoadResult pass1, sealed1, pass8, sealed8;
using (var pass = await GatewayProcess.StartAsync(options.Cli, options.PassData, sink.Port, Path.Combine(options.Logs, "pass.log")))
using (var seal = await GatewayProcess.StartAsync(options.Cli, options.SealedData, sink.Port, Path.Combine(options.Logs, "sealed.log")))
{
    // Warm-up: JIT, pools, caches and the store's first queries, then the phases alternate so drifting load hits both.
    await LoadPhase.RunAsync(pass, sink, payload, 1, options.WarmUp);
    await LoadPhase.RunAsync(seal, sink, payload, 1, options.WarmUp);
    pass1 = await LoadPhase.RunAsync(pass, sink, payload, 1, options.Messages);
    sealed1 = await LoadPhase.RunAsync(seal, sink, payload, 1, options.Messages);
    pass8 = await LoadPhase.RunAsync(pass, sink, payload, 8, options.PerClient);
    sealed8 = await LoadPhase.RunAsync(seal, sink, payload, 8, options.PerClient);
}

var costs = UnavoidableCosts.Measure(message);
var formatCosts = FormatCosts.Measure((int)sealed1.BytesPerMessageOut);
var large = LoadClient.DataPayload(SampleMessage.Create(options.LargeBytes));
var passMemory = await MemoryPhase.RunAsync(options, options.PassData, sink, payload, large, options.LargeBytes, "pass-memory.log");
var sealedMemory = await MemoryPhase.RunAsync(options, options.SealedData, sink, payload, large, options.LargeBytes, "sealed-memory.log");
Console.WriteLine($"load after: {BenchOptions.LoadAverage()}");

var report = new GatewayTargetReport(costs);
report.Load("pass-through", pass1, pass8);
report.Load("sealed", sealed1, sealed8);
report.Costs(formatCosts);
report.Memory("pass-through", passMemory);
report.Memory("sealed", sealedMemory);
report.Cpu(sealed1, pass1);
report.Cpu(sealed8, pass8);
report.Latency(sealed1, pass1);
report.Latency(sealed8, pass8, judged: false);
report.PeakMemory(sealedMemory);
return report.Failed ? 1 : 0;
