#!/usr/bin/env bash
# Installs the Debian and npm packages Mailseal's tests drive for real; skips what is already there.
# (PostgreSQL is installed by scripts/postgres-test.sh, which keeps Debian's own cluster from starting.)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "already installed: chromium"
fi

# The loopback OpenID provider for the portal's sign-in tests (node-oidc-provider from the npm registry).
# `npm ci` runs only when package-lock.json changed since the last install, so a second run costs nothing.
provider=tests/Mailseal.Testing/OpenId/provider
stamp="$provider/node_modules/.mailseal-lock.sha256"
lock_hash="$(sha256sum "$provider/package-lock.json" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  echo "already installed: the test OpenID provider's npm packages"
else
  echo "installing: the test OpenID provider's npm packages (npm ci)"
  npm ci --prefix "$provider" --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi
