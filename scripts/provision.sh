#!/usr/bin/env bash
# Installs the Debian packages Mailseal's tests drive for real; skips what is already there.
# (PostgreSQL is installed by scripts/postgres-test.sh, which keeps Debian's own cluster from starting.)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

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
