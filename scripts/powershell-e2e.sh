#!/usr/bin/env bash
# The PowerShell module's end-to-end acceptance (issue 5): PowerShell 7 as a dotnet tool, `mailseal run` on a
# fresh data folder with free loopback ports, an admin API key, and scripts/powershell-e2e.ps1 in pwsh. Prints
# one summary line; exits non-zero on any failure. Leaves nothing running.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "powershell-e2e: FAILED: $*"; exit 1; }

pwsh="$HOME/.dotnet/tools/pwsh"
if [ ! -x "$pwsh" ]; then
  dotnet tool install --global PowerShell --version 7.6.9 >/dev/null || fail "could not install PowerShell 7.6.9 as a dotnet tool"
fi
[ "$("$pwsh" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')" = "7.6.9" ] || fail "pwsh is not 7.6.9"

cli="$repo/src/Mailseal.Cli/bin/Release/net10.0/mailseal.dll"
module="$repo/src/Mailseal.PowerShell/bin/Release/net10.0/Mailseal.psd1"
if [ ! -f "$cli" ] || [ ! -f "$module" ]; then
  dotnet build src/Mailseal.Cli -c Release >/dev/null || fail "could not build mailseal"
  dotnet build src/Mailseal.PowerShell -c Release >/dev/null || fail "could not build the module"
fi

work="$(mktemp -d /tmp/mailseal-ps-e2e.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
smtp_port="$(free_port)"; lmtp_port="$(free_port)"; submission_port="$(free_port)"; admin_port="$(free_port)"
data="$work/data"

# A 200×80 PNG logo of one colour (zlib and CRC from Python's standard library).
python3 - "$work/logo.png" <<'PY'
import struct, sys, zlib
width, height = 200, 80
rows = b"".join(b"\x00" + bytes((20, 90, 180)) * width for _ in range(height))
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY

key="$(dotnet "$cli" admin-key new --name powershell-e2e --data-dir "$data" | grep -o 'msk_[A-Za-z0-9_-]*' | head -n 1)"
[ -n "$key" ] || fail "mailseal admin-key new printed no key"

dotnet "$cli" run --data-dir "$data" \
  "--Admin:Listen=127.0.0.1:$admin_port" \
  "--Portal:Listen=127.0.0.1:0" \
  "--Gateway:Listeners:0:Endpoint=127.0.0.1:$smtp_port" \
  "--Gateway:Listeners:1:Endpoint=127.0.0.1:$lmtp_port" \
  "--Gateway:Listeners:2:Endpoint=127.0.0.1:$submission_port" \
  >"$work/server.log" 2>&1 &
server_pid=$!

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 600); do
  if listening "$admin_port" && listening "$smtp_port"; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { tail -n 30 "$work/server.log"; fail "mailseal run exited"; }
  sleep 0.1
done
listening "$admin_port" || { tail -n 30 "$work/server.log"; fail "the admin API never listened on 127.0.0.1:$admin_port"; }

status=0
MAILSEAL_E2E_URI="http://127.0.0.1:$admin_port" MAILSEAL_E2E_KEY="$key" MAILSEAL_E2E_SMTP_PORT="$smtp_port" \
MAILSEAL_E2E_OUTBOX="$data/outbox" MAILSEAL_E2E_LOGO="$work/logo.png" MAILSEAL_E2E_MODULE="$module" \
MAILSEAL_E2E_CLI_DIR="$(dirname "$cli")" \
  "$pwsh" -NoProfile -NonInteractive -File "$repo/scripts/powershell-e2e.ps1" || status=$?

if [ "$status" -ne 0 ]; then
  echo "--- mailseal run (last lines)"; tail -n 30 "$work/server.log"
  fail "the pwsh scenario exited $status"
fi
