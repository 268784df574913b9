#!/usr/bin/env bash
# Runs the envelope benchmarks (seal, unseal, raw bound, RSA alone) and judges issue 2's targets from
# the results; with --portal first, the portal's benchmarks (bench/portal.sh) and issue 4's targets. Extra
# arguments go to BenchmarkDotNet, e.g. --filter '*Rsa*'. Takes about 5 minutes on two cores; run it on a
# quiet machine.
set -euo pipefail

report=--report
filter='*'
if [ "${1:-}" = "--portal" ]; then
  shift
  report=--portal-report
  filter='*Portal*'
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/bench/Mailseal.Benchmarks"
dotnet build "$project" -c Release --nologo -v q >/dev/null
cd "$project"
rm -rf BenchmarkDotNet.Artifacts
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $# -eq 0 ]; then set -- --filter "$filter"; fi
dotnet "bin/Release/net10.0/Mailseal.Benchmarks.dll" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "bin/Release/net10.0/Mailseal.Benchmarks.dll" "$report" BenchmarkDotNet.Artifacts/results
