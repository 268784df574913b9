-- The audit log of administrative changes and the admin API keys.

-- Append-only; old_value and new_value are JSON without secrets (no private key, API key or hash).
CREATE TABLE admin_audit (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor           text        NOT NULL,
    operation       text        NOT NULL,
    object_kind     text        NOT NULL,
    object_identity text        NOT NULL,
    old_value       text,
    new_value       text
);

CREATE INDEX admin_audit_at ON admin_audit (at);

-- Never the key itself: only the SHA-256 of the whole key string.
CREATE TABLE admin_api_keys (
    id           text        PRIMARY KEY,
    name         text        NOT NULL,
    key_hash     bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
