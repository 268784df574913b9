-- The portal's shared state: still-sealed envelopes, pre-sessions, sessions, rate counters and the
-- data-protection key ring. Nothing decrypted is ever stored; tokens only as SHA-256.

-- Sealed envelopes as they arrived, one entry per distinct envelope (SHA-256 of its bytes).
CREATE TABLE portal_envelopes (
    envelope_hash bytea       PRIMARY KEY,
    envelope      bytea       NOT NULL,
    size          bigint      NOT NULL,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX portal_envelopes_expires_at ON portal_envelopes (expires_at);

CREATE TABLE portal_presessions (
    id_hash       bytea       PRIMARY KEY,
    envelope_hash bytea       NOT NULL,
    envelope_id   text        NOT NULL,
    branding      text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX portal_presessions_expires_at ON portal_presessions (expires_at);

CREATE TABLE portal_sessions (
    token_hash        bytea       PRIMARY KEY,
    presession_hash   bytea       NOT NULL,
    envelope_hash     bytea       NOT NULL,
    envelope_id       text        NOT NULL,
    recipient         text        NOT NULL,
    created_at        timestamptz NOT NULL,
    last_seen_at      timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL
);

CREATE INDEX portal_sessions_expires_at ON portal_sessions (expires_at);

CREATE TABLE portal_rate_counters (
    counter_key  text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         bigint      NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);

CREATE INDEX portal_rate_counters_expires_at ON portal_rate_counters (expires_at);

CREATE TABLE portal_data_protection_keys (
    name text PRIMARY KEY,
    xml  text NOT NULL
);
