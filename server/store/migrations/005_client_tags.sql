-- SPDX-License-Identifier: MIT
-- Schema version 5: the IRCv3 client-only tags a line came with from an IRC client ("+key=value;
-- +key", escaped as IRC writes them: replies, reactions), replayed with it by CHATHISTORY.
-- Empty for every line said before, and for most lines since.
ALTER TABLE messages ADD COLUMN client_tags TEXT NOT NULL DEFAULT '';
