-- Accepted domains, users and mail-flow rules. Keys are the names normalised for case-insensitive lookup.

CREATE TABLE accepted_domains (
    name_key TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL
);

CREATE TABLE organization_users (
    address_key        TEXT    PRIMARY KEY,
    address            TEXT    NOT NULL,
    display_name       TEXT    NULL,
    language           TEXT    NULL,
    may_send_encrypted INTEGER NOT NULL
);

-- Conditions, exceptions and actions are one JSON document (definition); the rest are columns.
CREATE TABLE transport_rules (
    name_key             TEXT    PRIMARY KEY,
    name                 TEXT    NOT NULL,
    priority             INTEGER NOT NULL,
    state                TEXT    NOT NULL,
    mode                 TEXT    NOT NULL,
    activation_date      INTEGER NULL,
    expiry_date          INTEGER NULL,
    comments             TEXT    NULL,
    stop_rule_processing INTEGER NOT NULL,
    definition           TEXT    NOT NULL
);
