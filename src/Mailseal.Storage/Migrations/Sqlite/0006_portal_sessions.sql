-- The portal's shared state: still-sealed envelopes, pre-sessions, sessions, rate counters and the
-- data-protection key ring. Nothing decrypted is ever stored; tokens only as SHA-256. Times are unix milliseconds.

-- Sealed envelopes as they arrived, one entry per distinct envelope (SHA-256 of its bytes).
CREATE TABLE portal_envelopes (
    envelope_hash BLOB    PRIMARY KEY,
    envelope      BLOB    NOT NULL,
    size          INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
);

CREATE INDEX portal_envelopes_expires_at ON portal_envelopes (expires_at);

CREATE TABLE portal_presessions (
    id_hash       BLOB    PRIMARY KEY,
    envelope_hash BLOB    NOT NULL,
    envelope_id   TEXT    NOT NULL,
    branding      TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
);

CREATE INDEX portal_presessions_expires_at ON portal_presessions (expires_at);

CREATE TABLE portal_sessions (
    token_hash        BLOB    PRIMARY KEY,
    presession_hash   BLOB    NOT NULL,
    envelope_hash     BLOB    NOT NULL,
    envelope_id       TEXT    NOT NULL,
    recipient         TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    last_seen_at      INTEGER NOT NULL,
    expires_at        INTEGER NOT NULL
);

CREATE INDEX portal_sessions_expires_at ON portal_sessions (expires_at);

CREATE TABLE portal_rate_counters (
    counter_key  TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);

CREATE INDEX portal_rate_counters_expires_at ON portal_rate_counters (expires_at);

CREATE TABLE portal_data_protection_keys (
    name TEXT PRIMARY KEY,
    xml  TEXT NOT NULL
);
