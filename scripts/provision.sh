#!/usr/bin/env bash
# Installs the Debian packages Mailseal's tests drive for real; skips what is already there.
# (PostgreSQL is installed by scripts/postgres-test.sh, which keeps Debian's own cluster from starting.)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "already installed: chromium"
fi
