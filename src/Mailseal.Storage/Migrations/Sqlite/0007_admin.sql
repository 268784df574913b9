-- The audit log of administrative changes and the admin API keys. Times are unix milliseconds (UTC).

-- Append-only; old_value and new_value are JSON without secrets (no private key, API key or hash).
CREATE TABLE admin_audit (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    operation       TEXT    NOT NULL,
    object_kind     TEXT    NOT NULL,
    object_identity TEXT    NOT NULL,
    old_value       TEXT,
    new_value       TEXT
);

CREATE INDEX admin_audit_at ON admin_audit (at);

-- Never the key itself: only the SHA-256 of the whole key string.
CREATE TABLE admin_api_keys (
    id           TEXT    PRIMARY KEY,
    name         TEXT    NOT NULL,
    key_hash     BLOB    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
