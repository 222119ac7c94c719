// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "commands/Permissions.h"
#include "core/BanMask.h"
#include "store/StoredRoomRule.h"

#include <QList>

class ChatContext;
class Command;
class ModerationCommands;
class Room;
class Session;
class User;

// Keeping people out of a room: ban, unban and the ban list. A ban's mask (BanMask) is a nick,
// an account or an address; banning a nick that someone identified is using bans their
// account too, so that a new nickname does not bring them back. Whoever a new ban catches
// in the room is put out (leave reason "ban"), except people of the banner's standing or
// above. Who may run these is decided before they get here (Permissions), and whether a ban
// keeps someone from entering by Permissions::checkEntry() with catches().
class BanCommands
{
public:
    // The longest timed ban, in seconds (a year); without a duration, a ban is for good.
    static constexpr qint64 MaxBanSeconds = 366 * 24 * 3600;

    BanCommands(ChatContext &chat, ModerationCommands &moderation);

    // Whether a running ban in room catches user, connected through session (whose address
    // counts, as does every other connection of the person's).
    bool catches(const Room *room, const User *user, const Session *session) const;

    void ban(Session *session, const Command &command);
    void unban(Session *session, const Command &command);
    void bans(Session *session, const Command &command);
    // A ban another node of a cluster stored: whoever it catches here is put out, except the
    // room's operators and above (the banner's own standing is not known here).
    void bannedElsewhere(Room *room, const StoredSanction &ban);

private:
    QList<QHostAddress> addressesOf(const User *user, const Session *session = nullptr) const;
    // Puts out of room everyone the masks catch who stands below the actor.
    void putOut(Session *session, Room *room, const QList<BanMask> &masks);
    // Whoever masks catch in room is put out, except people of standing above or beyond; those
    // put out are sent tell first, if valid.
    void putOut(Room *room, const QList<BanMask> &masks, Permissions::Standing above,
                const Event &tell);

    ChatContext &m_chat;
    ModerationCommands &m_moderation;
};
