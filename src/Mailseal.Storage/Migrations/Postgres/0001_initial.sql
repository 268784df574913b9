-- Tenant, keys and branding templates.

-- One row at most: the deployment's tenant.
CREATE TABLE tenants (
    slot       integer     PRIMARY KEY CHECK (slot = 1),
    id         uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- Secret halves are sealed under the operator's key-encryption key before they arrive here.
CREATE TABLE tenant_keys (
    id               text        PRIMARY KEY,
    purpose          integer     NOT NULL,
    mode             integer     NOT NULL,
    key_size_bits    integer     NOT NULL,
    created_at       timestamptz NOT NULL,
    retired_at       timestamptz NULL,
    public_key       bytea       NOT NULL,
    protected_secret bytea       NOT NULL,
    kek_id           text        NOT NULL
);

-- identity_key is the identity normalised for case-insensitive lookup; identity keeps its spelling.
CREATE TABLE ome_configurations (
    identity_key    text  PRIMARY KEY,
    identity        text  NOT NULL,
    email_text      text  NULL,
    disclaimer_text text  NULL,
    portal_text     text  NULL,
    image           bytea NULL
);
