-- SPDX-License-Identifier: MIT
-- Schema version 1 for PostgreSQL: the shared 001_initial.sql but for messages.id, which is
-- BIGINT here (SQLite's INTEGER PRIMARY KEY would be a 32-bit integer in PostgreSQL).
--
-- Backend-neutral SQL, so that a PostgreSQL backend can run the same files: standard types
-- only, times as BIGINT milliseconds since the epoch (UTC), ids chosen by the server (no
-- AUTOINCREMENT or SERIAL). Each statement ends with ';' at the end of a line. Migrations
-- runs each file in one transaction and records its number in meta.schema_version.

-- The store's own counters: schema_version (written by Migrations), boot_count (one more per
-- open), last_message_id (the highest id ever given; retention never lowers it).
CREATE TABLE meta (
    name VARCHAR(64) PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO meta (name, value) VALUES ('boot_count', 0);
INSERT INTO meta (name, value) VALUES ('last_message_id', 0);

-- Names are at most 32 code points; case folding may lengthen a key, hence 128.
-- last_seq is the room's last sequence number ever given; retention never lowers it.
CREATE TABLE rooms (
    id BIGINT PRIMARY KEY,
    name VARCHAR(128) NOT NULL,
    name_key VARCHAR(128) NOT NULL UNIQUE,
    creator VARCHAR(128) NOT NULL,
    created_ms BIGINT,
    topic TEXT NOT NULL,
    topic_setter VARCHAR(128) NOT NULL,
    topic_ms BIGINT,
    last_seq BIGINT NOT NULL
);

-- kind: 1 message, 2 action, 3 topic, 4 private (StoredMessage::Kind).
-- Room lines have room_id and seq; private messages have neither. Keys are
-- NameRules::key() of the names of a private message, for looking up a conversation with one
-- peer; empty for room lines.
-- Lines are inserted in id order with the server's clock, so retention by age walks ids from
-- the oldest and needs no index on time_ms.
CREATE TABLE messages (
    id BIGINT PRIMARY KEY,
    kind SMALLINT NOT NULL,
    room_id BIGINT REFERENCES rooms (id),
    seq BIGINT,
    time_ms BIGINT NOT NULL,
    sender VARCHAR(128) NOT NULL,
    sender_key VARCHAR(128) NOT NULL,
    sender_person BIGINT NOT NULL,
    recipient VARCHAR(128) NOT NULL,
    recipient_key VARCHAR(128) NOT NULL,
    recipient_person BIGINT NOT NULL,
    body TEXT NOT NULL
);

-- A room's pages, and the guarantee that a sequence number is given once.
CREATE UNIQUE INDEX messages_room_seq ON messages (room_id, seq);
-- Private history, from either end. Partial, so that room lines (the bulk) cost these
-- indexes nothing and a person's private page is not found among their room lines.
CREATE INDEX messages_private_sender ON messages (sender_person, id) WHERE room_id IS NULL;
CREATE INDEX messages_private_recipient ON messages (recipient_person, id) WHERE room_id IS NULL;
