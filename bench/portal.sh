#!/usr/bin/env bash
# Runs the portal benchmarks (arrival, decrypt-and-render at 50 KB and 25 MB, and their unavoidable parts) and
# judges issue 4's targets (docs/performance.md, The portal). Extra arguments go to BenchmarkDotNet.
exec "$(dirname "$0")/envelope.sh" --portal "$@"
