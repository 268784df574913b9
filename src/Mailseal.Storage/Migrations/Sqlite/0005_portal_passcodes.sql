-- The portal's one-time pass codes, their attempt counters and send counters (docs/passcodes.md).
-- Only keyed hashes: never a code, an address, an envelope id or a client address in clear. Times are unix milliseconds.

-- The one live code of a subject (envelope and recipient); a resend replaces it.
CREATE TABLE passcode_codes (
    subject_hash BLOB    PRIMARY KEY,
    code_hash    BLOB    NOT NULL,
    expires_at   INTEGER NOT NULL
);

CREATE INDEX passcode_codes_expires_at ON passcode_codes (expires_at);

-- Failed attempts per subject across resends and pre-sessions; version is for optimistic concurrency.
CREATE TABLE passcode_attempts (
    subject_hash  BLOB    PRIMARY KEY,
    failures      INTEGER NOT NULL,
    lock_level    INTEGER NOT NULL,
    locked_until  INTEGER NULL,
    day           INTEGER NOT NULL,
    day_attempts  INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL
);

CREATE INDEX passcode_attempts_updated_at ON passcode_attempts (updated_at);

-- Sends per limit (address or client network) and fixed window.
CREATE TABLE passcode_send_counts (
    limit_key    BLOB    NOT NULL,
    window_start INTEGER NOT NULL,
    sends        INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    PRIMARY KEY (limit_key, window_start)
);

CREATE INDEX passcode_send_counts_expires_at ON passcode_send_counts (expires_at);
