-- SPDX-License-Identifier: MIT
-- Schema version 2: accounts, the registered nicknames.
--
-- name_key is NameRules::key() of the name, so that a name is registered once whatever its
-- case or normalisation. password_hash is an encoded Argon2id hash
-- ($argon2id$v=19$m=...,t=...,p=...$salt$hash): the parameters travel with the hash, so that
-- stronger ones later do not strand the old rows. The password itself is never stored.
CREATE TABLE accounts (
    name_key VARCHAR(128) PRIMARY KEY,
    name VARCHAR(128) NOT NULL,
    password_hash VARCHAR(256) NOT NULL,
    created_ms BIGINT NOT NULL
);
