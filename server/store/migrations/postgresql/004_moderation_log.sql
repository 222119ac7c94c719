-- SPDX-License-Identifier: MIT
-- Schema version 4: the moderation log, every act in a room (op, deop, kick, mute, unmute,
-- ban, unban, invite, rule, close): who did it (actor, a nick), what (act), to whom (target:
-- a nick, a ban's mask, a rule's name), why (detail: a reason, seconds, on or off) and when
-- (at_ms, wall-clock time, UTC). Deleting a room deletes its log.
--
-- PostgreSQL variant: rowid is SQLite's implicit row id made explicit (PostgreSQL has none),
-- so that acts of the same millisecond load in the order they were written, by the same query.
-- It comes last, so that an INSERT without a column list fills the same columns as in SQLite.
CREATE TABLE moderation_log (
    room_id BIGINT NOT NULL REFERENCES rooms (id),
    at_ms BIGINT NOT NULL,
    actor VARCHAR(128) NOT NULL,
    act VARCHAR(16) NOT NULL,
    target VARCHAR(128) NOT NULL,
    detail TEXT NOT NULL,
    rowid BIGINT GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX moderation_log_room ON moderation_log (room_id, at_ms);
