# Verifies DKIM signatures with dkimpy (Debian python3-dkim), an implementation independent of MimeKit.
# Usage: verify_dkim.py RECORDS.json MESSAGE...   RECORDS maps "selector._domainkey.domain" to the TXT value.
# Prints "PASS path" or "FAIL path: reason" per message; exit status 1 when one fails.
import json
import sys

import dkim

with open(sys.argv[1], encoding="ascii") as f:
    records = {name.lower(): value for name, value in json.load(f).items()}


def lookup(name, timeout=5):
    key = (name.decode("ascii") if isinstance(name, bytes) else name).rstrip(".").lower()
    return records.get(key, "").encode("ascii")


failed = 0
for path in sys.argv[2:]:
    with open(path, "rb") as f:
        message = f.read()
    try:
        ok = dkim.verify(message, dnsfunc=lookup)
        reason = "signature does not verify"
    except Exception as error:  # dkimpy signals malformed input with several exception types
        ok, reason = False, repr(error)
    print(("PASS " + path) if ok else ("FAIL " + path + ": " + reason))
    failed += 0 if ok else 1
sys.exit(1 if failed else 0)
