-- DKIM signing keys, one per domain and selector.
-- The private half is sealed under the operator's key-encryption key before it arrives here.
CREATE TABLE dkim_keys (
    domain                text        NOT NULL,
    selector              text        NOT NULL,
    created_at            timestamptz NOT NULL,
    key_size_bits         integer     NOT NULL,
    public_key            bytea       NOT NULL,
    protected_private_key bytea       NOT NULL,
    kek_id                text        NOT NULL,
    PRIMARY KEY (domain, selector)
);
