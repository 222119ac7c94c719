// SPDX-License-Identifier: MIT
#pragma once

class ChatContext;
class Command;
class ModerationCommands;
class Room;
class Session;

// A room's rules: `rule <name> <on|off>` (RoomModes), a limit or a key, and `invite <nick>`.
// What each rule then allows or refuses (a join, a topic) is decided in Permissions, before
// any handler runs; here they are only set, announced to the room and kept through the store
// (RoomRuleKeeper). An invitation lets its person into an invite-only room once; it lives in
// memory only.
class RoomRuleCommands
{
public:
    RoomRuleCommands(ChatContext &chat, ModerationCommands &moderation);

    void rule(Session *session, const Command &command);
    void invite(Session *session, const Command &command);
    // After a join: the person entered, so the invitation that let them in is used up.
    void entered(Session *session, Room *room);

private:
    ChatContext &m_chat;
    ModerationCommands &m_moderation;
};
