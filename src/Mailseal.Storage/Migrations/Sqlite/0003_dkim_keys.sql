-- DKIM signing keys, one per domain and selector. Times are unix milliseconds (UTC).
-- The private half is sealed under the operator's key-encryption key before it arrives here.
CREATE TABLE dkim_keys (
    domain                TEXT    NOT NULL,
    selector              TEXT    NOT NULL,
    created_at            INTEGER NOT NULL,
    key_size_bits         INTEGER NOT NULL,
    public_key            BLOB    NOT NULL,
    protected_private_key BLOB    NOT NULL,
    kek_id                TEXT    NOT NULL,
    PRIMARY KEY (domain, selector)
);
