#!/usr/bin/env bash
# Peak memory of `mailseal seal` and `mailseal unseal` on a 25 MB message, as the peak resident size of
# the process (GNU time %M), against the same command on a 1 KB message ("idle": the process doing almost
# nothing). Target (issue 2): the 25 MB run uses less than 2x the message size above idle.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
large_bytes="${LARGE_BYTES:-25000000}"
gnu_time=/usr/bin/time
if ! "$gnu_time" -f %M true >/dev/null 2>&1; then
  echo "GNU time is missing: apt-get install -y time" >&2
  exit 2
fi

echo "building the CLI (Release)…" >&2
dotnet build "$root/src/Mailseal.Cli" -c Release --nologo -v q >/dev/null
cli="$root/src/Mailseal.Cli/bin/Release/net10.0/mailseal"

work="$(mktemp -d "${TMPDIR:-/tmp}/mailseal-memory-XXXXXX")"
trap 'rm -rf "$work"' EXIT
data="$work/data"
export TMPDIR="$work" # the CLI's spool files land here and go with it

# A MIME message of about $1 bytes: headers, a line of text and a base64 attachment of deterministic
# pseudo-random bytes (AES-CTR over zeros under a fixed password), CRLF line endings.
make_message() {
  local size=$1 out=$2
  local raw=$(( (size - 600) * 57 / 78 ))
  {
    printf 'From: Alice <alice@example.org>\r\nTo: Bob <bob@example.net>\r\nSubject: Memory check\r\n'
    printf 'Date: Tue, 03 Nov 2026 10:00:00 +0000\r\nMessage-ID: <memory-%s@example.org>\r\nMIME-Version: 1.0\r\n' "$size"
    printf 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n'
    printf 'The figures are attached.\r\n\r\n--b1\r\nContent-Type: application/octet-stream; name="data.bin"\r\n'
    printf 'Content-Transfer-Encoding: base64\r\n\r\n'
    head -c "$raw" < <(openssl enc -aes-256-ctr -pass pass:mailseal -nosalt -pbkdf2 -in /dev/zero 2>/dev/null) \
      | base64 -w 76 | sed 's/$/\r/'
    printf '\r\n--b1--\r\n'
  } > "$out"
}

# Peak resident size in KiB of one CLI run.
peak_kib() {
  local report="$work/time.txt"
  "$gnu_time" -f %M -o "$report" "$cli" "$@" 2>>"$work/cli.log"
  tail -n 1 "$report"
}

"$cli" keys new --data-dir "$data" >/dev/null 2>>"$work/cli.log"
make_message 1600 "$work/small.eml"
make_message "$large_bytes" "$work/large.eml"
small_size=$(stat -c %s "$work/small.eml")
large_size=$(stat -c %s "$work/large.eml")

seal() { peak_kib seal --data-dir "$data" --sender alice@example.org --recipient bob@example.net --in "$1" --out "$2"; }
unseal() { peak_kib unseal --data-dir "$data" --in "$1" --out "$2"; }

# A first run of each warms the disk cache and the data folder; the measured runs come after.
seal "$work/small.eml" "$work/small.wrapper" >/dev/null
seal_idle=$(seal "$work/small.eml" "$work/small.wrapper")
seal_large=$(seal "$work/large.eml" "$work/large.wrapper")
unseal "$work/small.wrapper" "$work/small.out" >/dev/null
unseal_idle=$(unseal "$work/small.wrapper" "$work/small.out")
unseal_large=$(unseal "$work/large.wrapper" "$work/large.out")
cmp -s "$work/large.eml" "$work/large.out" || { echo "the 25 MB round trip differs" >&2; exit 1; }
wrapper_size=$(stat -c %s "$work/large.wrapper")

failed=0
report() {
  local name=$1 idle=$2 peak=$3
  local above=$(( peak - idle ))
  local ratio
  ratio=$(awk -v a="$above" -v s="$large_size" 'BEGIN { printf "%.2f", a * 1024 / s }')
  local verdict=PASS
  if awk -v r="$ratio" 'BEGIN { exit !(r >= 2.0) }'; then verdict=FAIL; failed=1; fi
  printf '%-7s idle %7d KiB  25 MB %7d KiB  above idle %7d KiB = %s x message  (target < 2.0)  %s\n' \
    "$name" "$idle" "$peak" "$above" "$ratio" "$verdict"
}

echo "message $large_size bytes (small $small_size), wrapper $wrapper_size bytes; $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
report seal "$seal_idle" "$seal_large"
report unseal "$unseal_idle" "$unseal_large"
exit "$failed"
