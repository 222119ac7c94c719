// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "commands/Permissions.h"
#include "core/BanMask.h"
#include "core/MaskList.h"
#include "store/StoredRoomRule.h"

#include <QList>

class ChatContext;
class Command;
class ModerationCommands;
class Room;
class Session;
class User;

// Who a room's masks (BanMask: a nick, an account or an address) keep out or let in: ban, unban
// and the ban list; allow, disallow and the list of the allowed; exempt, unexempt and the list of
// the exempted. Banning a nick that someone identified is using bans their account too, so that a
// new nickname does not bring them back. Whoever a new ban catches in the room is put out (leave
// reason "ban"), except people of the banner's standing or above and the exempted. An allowance
// lets whoever it catches into the room when it is invite-only without an invitation (IRC's invite
// exception, +I); it does not lift a ban, a key or a limit. An exemption lifts the bans alone for
// whoever it catches (IRC's ban exception, +e): an invitation, a key and a limit still hold. Who
// may run these is decided before they get here (Permissions), and whether a mask keeps someone
// out or lets them in by Permissions::checkEntry() with catches() and allows().
class BanCommands
{
public:
    // The longest timed ban, in seconds (a year); without a duration, a ban is for good.
    static constexpr qint64 MaxBanSeconds = 366 * 24 * 3600;

    BanCommands(ChatContext &chat, ModerationCommands &moderation);

    // Whether a running ban in room catches user, connected through session (whose address
    // counts, as does every other connection of the person's), and no exemption does.
    bool catches(const Room *room, const User *user, const Session *session) const;
    // Whether room's allowances let user in without an invitation.
    bool allows(const Room *room, const User *user, const Session *session) const;

    void ban(Session *session, const Command &command);
    void unban(Session *session, const Command &command);
    void bans(Session *session, const Command &command);
    void allow(Session *session, const Command &command);
    void disallow(Session *session, const Command &command);
    void allowed(Session *session, const Command &command);
    void exempt(Session *session, const Command &command);
    void unexempt(Session *session, const Command &command);
    void exempted(Session *session, const Command &command);
    // A ban another node of a cluster stored: whoever it catches here is put out, except the
    // room's operators and above (the banner's own standing is not known here).
    void bannedElsewhere(Room *room, const StoredSanction &ban);

private:
    // The command's first argument as a mask; when it is none, the command fails (its usage
    // line when it is missing, error 415 when it is no mask) and the mask is invalid.
    BanMask maskOf(Session *session, const Command &command) const;
    bool caughtBy(const MaskList &list, const User *user, const Session *session) const;
    // Whether adding masks would take list beyond --max-room-masks (masks it holds already
    // only change; a list that grew longer under a higher setting takes nothing new).
    bool isFull(const MaskList &list, const QList<BanMask> &masks) const;
    // Event::bans, Event::allowed or Event::exempted: one piece of a list.
    using ListPiece = Event (*)(const QString &room, qsizetype total, qsizetype first,
                                const QStringList &maskLeftSetterReason);
    // The allowed or the exempted, which are set, taken back and shown alike.
    struct OtherList;
    static const OtherList Allowed;
    static const OtherList Exempted;
    void addTo(Session *session, const Command &command, const OtherList &kind);
    void removeFrom(Session *session, const Command &command, const OtherList &kind);
    void show(Session *session, const Command &command, const OtherList &kind);
    // The list of masks of room as events made by makePiece: pieces of about
    // Protocol::ListLineBytes, each item the mask, the seconds left, the setter and the reason.
    void list(Session *session, const Command &command, const QString &room, const MaskList &masks,
              ListPiece makePiece);
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
