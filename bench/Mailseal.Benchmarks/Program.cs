using BenchmarkDotNet.Running;
using Mailseal.Benchmarks;

// --report [results folder]: judge the targets from the last run's JSON; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--report")
{
    return TargetReport.Run(args.Length > 1 ? args[1] : Path.Combine("BenchmarkDotNet.Artifacts", "results"), Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
