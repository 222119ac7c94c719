// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "commands/ModerationTarget.h"
#include "commands/Permissions.h"

class ChatContext;
class Command;
class Room;
class Session;
class User;

// Running a room: the owner names operators (op, deop); operators kick and mute (for a while
// or until unmuted). Who may run these is decided before they get here (Permissions); what is
// left here is whom they may act on: nobody acts on someone of their own standing or above.
// Administrators (accounts named in the configuration) stand above every room's owner.
// Every act is announced to the room. Roles and mutes live in memory (RoomRoles); those of
// registered people are also written through the store (RoomRuleKeeper). On a node of a
// cluster the person acted on may be on another node (ModerationTarget).
class ModerationCommands
{
public:
    // The longest timed mute, in seconds (a year); longer is "until unmuted".
    static constexpr qint64 MaxMuteSeconds = 366 * 24 * 3600;
    // Acts modlog shows without a count.
    static constexpr int DefaultLogCount = 20;

    explicit ModerationCommands(ChatContext &chat);

    // The standing of user in room, for the permission check.
    Permissions::Standing standing(const Room *room, const User *user) const;

    void op(Session *session, const Command &command);
    void deop(Session *session, const Command &command);
    void kick(Session *session, const Command &command);
    void mute(Session *session, const Command &command);
    void unmute(Session *session, const Command &command);
    // A voice lets a member speak in a moderated room; operators give it to anyone in the room.
    void voice(Session *session, const Command &command);
    void devoice(Session *session, const Command &command);
    // The room's newest acts (count, DefaultLogCount without one), oldest first.
    void modlog(Session *session, const Command &command);

    // The standing of user in room apart from a mute: what decides whom they may act on, and
    // whether a room's rules keep them out.
    Permissions::Standing rank(const Room *room, const User *user) const;
    Permissions::Standing rank(const Room *room, const ModerationTarget &target) const;
    // Logs that the actor did act to target (a nick, a ban's mask, a rule's name; detail: a
    // reason, seconds) and tells everyone in room; returns what they were told.
    Event announce(Session *session, const Command &command, Room *room, const QString &act,
                   const QString &target, const QString &detail);
    // Several acts of one command (a rule command's changes), each logged and announced as
    // above; each event also carries all of them (list: pairs of target and detail) and its
    // place among them (count), for readers that show them as one line (IRC's MODE).
    void announceTogether(Session *session, const Command &command, Room *room, const QString &act,
                          const QStringList &targetDetailPairs);

private:
    // Logs the act (the server's log and the room's moderation log): what announce() tells.
    Event record(Session *session, Room *room, const QString &act, const QString &target,
                 const QString &detail, const QStringList &together = {}, qint64 place = 0);
    void send(Session *session, const Command &command, Room *room, const Event &event);
    // The member the command names, in the room it is about; none after replying with the error.
    ModerationTarget member(Session *session, const Command &command, Room **room);
    // The same, below the actor's standing.
    ModerationTarget target(Session *session, const Command &command, Room **room);
    Permissions::Standing rank(const Room *room, const QString &key, const QString &account) const;
    ChatContext &m_chat;
};
