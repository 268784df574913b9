-- Accepted domains, users and mail-flow rules. Keys are the names normalised for case-insensitive lookup.

CREATE TABLE accepted_domains (
    name_key text PRIMARY KEY,
    name     text NOT NULL,
    type     text NOT NULL
);

CREATE TABLE organization_users (
    address_key        text    PRIMARY KEY,
    address            text    NOT NULL,
    display_name       text    NULL,
    language           text    NULL,
    may_send_encrypted integer NOT NULL
);

-- Conditions, exceptions and actions are one JSON document (definition); the rest are columns.
CREATE TABLE transport_rules (
    name_key             text        PRIMARY KEY,
    name                 text        NOT NULL,
    priority             integer     NOT NULL,
    state                text        NOT NULL,
    mode                 text        NOT NULL,
    activation_date      timestamptz NULL,
    expiry_date          timestamptz NULL,
    comments             text        NULL,
    stop_rule_processing integer     NOT NULL,
    definition           text        NOT NULL
);
