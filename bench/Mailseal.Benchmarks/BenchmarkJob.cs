using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;

namespace Mailseal.Benchmarks;

/// <summary>
/// A short job that keeps the whole run to a few minutes on two cores: few iterations, each long enough
/// to average noise. The JSON export is what <see cref="TargetReport"/> reads.
/// </summary>
public sealed class BenchmarkJob : ManualConfig
{
    public BenchmarkJob()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithId("Envelope"));
        AddDiagnoser(MemoryDiagnoser.Default);
        // BenchmarkDotNet builds a project per benchmark class; on a busy two-core machine that takes longer than its
        // default two minutes.
        WithBuildTimeout(TimeSpan.FromMinutes(15));
        AddExporter(JsonExporter.Brief);
    }
}
