#!/usr/bin/env bash
# Installs the Debian and npm packages Mailseal's tests drive for real; skips what is already there.
# (PostgreSQL is installed by scripts/postgres-test.sh, which keeps Debian's own cluster from starting.)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")/.."

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

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/postfix ] || missing+=(postfix)
# dkimpy: the DKIM verifier independent of MimeKit that the Delivery tests run (/usr/bin/python3).
/usr/bin/python3 -c 'import dkim' 2>/dev/null || missing+=(python3-dkim)

if [ ${#missing[@]} -eq 0 ]; then
  echo "already installed: chromium postfix python3-dkim"
  exit 0
fi

echo "installing: ${missing[*]}"
# Postfix: no questions ("Local only"), and the package's own instance is never started; the tests run
# private instances with `postfix -c DIR` (docs/postfix.md).
echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
echo "postfix postfix/mailname string localhost" | debconf-set-selections
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  created_policy=1
fi
remove_policy() { if [ "$created_policy" -eq 1 ]; then rm -f "$policy"; fi; }
trap remove_policy EXIT
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
