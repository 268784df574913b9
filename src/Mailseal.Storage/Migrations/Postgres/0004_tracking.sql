-- Traffic counters for the report, and the keyed hashes of Message-IDs that keep a thread sealed.

-- Messages per rule, UTC day (days since 1970-01-01), direction and action.
CREATE TABLE traffic_counts (
    day       integer NOT NULL,
    rule_name text    NOT NULL,
    direction integer NOT NULL,
    action    integer NOT NULL,
    messages  bigint  NOT NULL,
    PRIMARY KEY (day, rule_name, direction, action)
);

-- Never a Message-ID in clear: only its keyed hash, until it expires.
CREATE TABLE thread_marks (
    message_id_hash bytea       PRIMARY KEY,
    expires_at      timestamptz NOT NULL
);

CREATE INDEX thread_marks_expires_at ON thread_marks (expires_at);
