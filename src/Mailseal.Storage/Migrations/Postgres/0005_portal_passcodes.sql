-- The portal's one-time pass codes, their attempt counters and send counters (docs/passcodes.md).
-- Only keyed hashes: never a code, an address, an envelope id or a client address in clear.

-- The one live code of a subject (envelope and recipient); a resend replaces it.
CREATE TABLE passcode_codes (
    subject_hash bytea       PRIMARY KEY,
    code_hash    bytea       NOT NULL,
    expires_at   timestamptz NOT NULL
);

CREATE INDEX passcode_codes_expires_at ON passcode_codes (expires_at);

-- Failed attempts per subject across resends and pre-sessions; version is for optimistic concurrency.
CREATE TABLE passcode_attempts (
    subject_hash  bytea       PRIMARY KEY,
    failures      integer     NOT NULL,
    lock_level    integer     NOT NULL,
    locked_until  timestamptz NULL,
    day           integer     NOT NULL,
    day_attempts  integer     NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL
);

CREATE INDEX passcode_attempts_updated_at ON passcode_attempts (updated_at);

-- Sends per limit (address or client network) and fixed window.
CREATE TABLE passcode_send_counts (
    limit_key    bytea       NOT NULL,
    window_start timestamptz NOT NULL,
    sends        integer     NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (limit_key, window_start)
);

CREATE INDEX passcode_send_counts_expires_at ON passcode_send_counts (expires_at);
