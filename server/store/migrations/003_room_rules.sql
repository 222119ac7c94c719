-- SPDX-License-Identifier: MIT
-- Schema version 3: who runs a room (room_roles) and who may not speak in it or enter it
-- (room_sanctions).
--
-- Only registered people are kept: account_key and a mute's mask are NameRules::key() of an
-- account's name. An unregistered person is known by a person id, which never comes back
-- after a restart, so their roles and mutes end with the process.
CREATE TABLE room_roles (
    room_id BIGINT NOT NULL REFERENCES rooms (id),
    account_key VARCHAR(128) NOT NULL,
    role VARCHAR(16) NOT NULL,
    PRIMARY KEY (room_id, account_key)
);

-- kind is 'mute' (may read, may not speak) or 'ban' (may not enter). mask is what the rule
-- matches: an account key for a mute; for a ban a nick, an account or an address mask
-- (an IPv4 or IPv6 address or CIDR subnet), which is why it is text and part of the key.
-- until_ms is wall-clock time (UTC): a monotonic clock does not survive a reboot. NULL: until
-- lifted.
CREATE TABLE room_sanctions (
    room_id BIGINT NOT NULL REFERENCES rooms (id),
    kind VARCHAR(8) NOT NULL,
    mask VARCHAR(128) NOT NULL,
    until_ms BIGINT,
    setter VARCHAR(128) NOT NULL,
    reason TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    PRIMARY KEY (room_id, kind, mask)
);
