#!/usr/bin/env bash
# Runs the portal benchmarks (arrival, decrypt-and-render at 50 KB and 25 MB, and their unavoidable parts) and
# judges issue 4's targets from the results. Extra arguments go to BenchmarkDotNet. Takes about 5 minutes on two
# cores; run it on a quiet machine.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/bench/Mailseal.Benchmarks"
dotnet build "$project" -c Release --nologo -v q >/dev/null
cd "$project"
rm -rf BenchmarkDotNet.Artifacts
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $# -eq 0 ]; then set -- --filter '*Portal*'; fi
dotnet "bin/Release/net10.0/Mailseal.Benchmarks.dll" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "bin/Release/net10.0/Mailseal.Benchmarks.dll" --portal-report BenchmarkDotNet.Artifacts/results
