#!/usr/bin/env bash
# The gateway under load (issue 3): builds Release, prepares two data folders with the CLI — keys, a DKIM key for
# the sender's domain, example.org as the organisation and one rule; in the sealing folder the rule seals mail to
# outside, in the pass-through folder the same rule names a domain no recipient has — then runs
# Mailseal.GatewayBench, which starts `mailseal run` on each, drives it with 1 and 8 persistent clients
# (50 KB messages) and one 25 MB message into a raw sink, and judges the targets. About a minute on two
# quiet cores (build aside); several on a loaded machine.
# Exit status 1 when a target fails. Extra arguments go to the benchmark (e.g. --messages 3000).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
echo "building Release…" >&2
dotnet build "$root/src/Mailseal.Cli" -c Release --nologo -v q >/dev/null
dotnet build "$root/bench/Mailseal.GatewayBench" -c Release --nologo -v q >/dev/null
cli="$root/src/Mailseal.Cli/bin/Release/net10.0/mailseal"

work="$(mktemp -d "${TMPDIR:-/tmp}/mailseal-gateway-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work" # the gateways' spool files land here and go with it

# $1: data folder; $2: the recipient condition of the one rule.
prepare() {
  local data=$1 condition=$2
  "$cli" keys new --data-dir "$data" >/dev/null
  "$cli" dkim new --data-dir "$data" --domain example.org --selector bench >/dev/null
  cat > "$work/rules.json" <<JSON
{
  "version": 2,
  "acceptedDomains": [ { "domainName": "example.org", "type": "Authoritative" } ],
  "users": [ { "address": "alice@example.org", "displayName": "Alice", "language": "en", "maySendEncrypted": true } ],
  "rules": [
    {
      "name": "Encrypt mail to outside", "priority": 0, "state": "Enabled", "mode": "Enforce",
      "activationDate": null, "expiryDate": null, "comments": null, "stopRuleProcessing": false,
      "conditions": [ $condition ],
      "exceptions": [],
      "actions": { "applyOME": true, "applyOMEBrandingTemplate": null, "removeOME": false,
                   "setHeaderName": null, "setHeaderValue": null, "prependSubject": null,
                   "rejectMessageReasonText": null, "rejectMessageEnhancedStatusCode": null }
    }
  ]
}
JSON
  "$cli" import --data-dir "$data" "$work/rules.json" >/dev/null
}

prepare "$work/sealed" '{ "name": "SentToScope", "values": [ "NotInOrganization" ] }'
prepare "$work/pass" '{ "name": "RecipientDomainIs", "values": [ "no-recipient-here.invalid" ] }'
mkdir -p "$work/logs"

status=0
dotnet "$root/bench/Mailseal.GatewayBench/bin/Release/net10.0/Mailseal.GatewayBench.dll" \
  --cli "$cli" --sealed-data "$work/sealed" --pass-data "$work/pass" --logs "$work/logs" "$@" || status=$?
if [ "$status" -gt 1 ]; then
  echo "the benchmark failed; the gateways' logs:" >&2
  tail -n 20 "$work/logs"/*.log >&2
fi
exit "$status"
