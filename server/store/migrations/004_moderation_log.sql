-- SPDX-License-Identifier: MIT
-- Schema version 4: the moderation log, every act in a room (op, deop, kick, mute, unmute,
-- ban, unban, invite, rule, close): who did it (actor, a nick), what (act), to whom (target:
-- a nick, a ban's mask, a rule's name), why (detail: a reason, seconds, on or off) and when
-- (at_ms, wall-clock time, UTC). Deleting a room deletes its log.
CREATE TABLE moderation_log (
    room_id BIGINT NOT NULL REFERENCES rooms (id),
    at_ms BIGINT NOT NULL,
    actor VARCHAR(128) NOT NULL,
    act VARCHAR(16) NOT NULL,
    target VARCHAR(128) NOT NULL,
    detail TEXT NOT NULL
);

CREATE INDEX moderation_log_room ON moderation_log (room_id, at_ms);
