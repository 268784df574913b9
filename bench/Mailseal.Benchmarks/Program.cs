using BenchmarkDotNet.Running;
using Mailseal.Benchmarks;

// --report / --portal-report [results folder]: judge the envelope's or the portal's targets from the last run's JSON;
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] is "--report" or "--portal-report")
{
    var results = args.Length > 1 ? args[1] : Path.Combine("BenchmarkDotNet.Artifacts", "results");
    return args[0] == "--report" ? TargetReport.Run(results, Console.Out) : PortalTargetReport.Run(results, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
