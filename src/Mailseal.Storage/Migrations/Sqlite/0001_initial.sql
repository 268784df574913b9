-- Tenant, keys and branding templates. Times are unix milliseconds (UTC).

-- One row at most: the deployment's tenant.
CREATE TABLE tenants (
    slot       INTEGER PRIMARY KEY CHECK (slot = 1),
    id         TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- Secret halves are sealed under the operator's key-encryption key before they arrive here.
CREATE TABLE tenant_keys (
    id               TEXT    PRIMARY KEY,
    purpose          INTEGER NOT NULL,
    mode             INTEGER NOT NULL,
    key_size_bits    INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    retired_at       INTEGER NULL,
    public_key       BLOB    NOT NULL,
    protected_secret BLOB    NOT NULL,
    kek_id           TEXT    NOT NULL
);

-- identity_key is the identity normalised for case-insensitive lookup; identity keeps its spelling.
CREATE TABLE ome_configurations (
    identity_key    TEXT PRIMARY KEY,
    identity        TEXT NOT NULL,
    email_text      TEXT NULL,
    disclaimer_text TEXT NULL,
    portal_text     TEXT NULL,
    image           BLOB NULL
);
