-- Traffic counters for the report, and the keyed hashes of Message-IDs that keep a thread sealed.

-- Messages per rule, UTC day (days since 1970-01-01), direction and action.
CREATE TABLE traffic_counts (
    day       INTEGER NOT NULL,
    rule_name TEXT    NOT NULL,
    direction INTEGER NOT NULL,
    action    INTEGER NOT NULL,
    messages  INTEGER NOT NULL,
    PRIMARY KEY (day, rule_name, direction, action)
);

-- Never a Message-ID in clear: only its keyed hash, until it expires (unix milliseconds).
CREATE TABLE thread_marks (
    message_id_hash BLOB    PRIMARY KEY,
    expires_at      INTEGER NOT NULL
);

CREATE INDEX thread_marks_expires_at ON thread_marks (expires_at);
