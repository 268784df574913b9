#!/usr/bin/env bash
# Provisions what Mailseal's tests need on a fresh Debian machine, then runs every test.
# Needs root for apt-get (it re-runs itself with sudo when it is not root). CI runs exactly this.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  exec sudo --preserve-env=PATH,HOME,DOTNET_ROOT bash "$0" "$@"
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n== %s\n' "$*"; }

step "Installing the real parts the tests use (Debian packages)"
bash scripts/provision.sh

step "Starting a throwaway PostgreSQL on loopback"
MAILSEAL_POSTGRES_STATE_DIR="$(mktemp -d /tmp/mailseal-pg.XXXXXX)"
export MAILSEAL_POSTGRES_STATE_DIR
cleanup() { bash scripts/postgres-test.sh stop || true; rm -rf "$MAILSEAL_POSTGRES_STATE_DIR"; }
trap cleanup EXIT
MAILSEAL_TEST_POSTGRES="$(bash scripts/postgres-test.sh start)"
export MAILSEAL_TEST_POSTGRES

artifacts="$repo/artifacts/test"
rm -rf "$artifacts"
mkdir -p "$artifacts"
export MAILSEAL_TEST_ARTIFACTS="$artifacts"

step "Building"
dotnet build Mailseal.slnx -c Release

step "Running every test"
status=0
dotnet test Mailseal.slnx -c Release --no-build \
  --logger "trx" --results-directory "$artifacts/results" || status=$?

step "PowerShell module end to end (pwsh against mailseal run)"
bash scripts/powershell-e2e.sh || status=$?

bash scripts/test-summary.sh "$artifacts/results"
exit "$status"
