// SPDX-License-Identifier: MIT
#include "commands/ModerationCommands.h"

#include "NameRules.h"
#include "Protocol.h"
#include "commands/ChatContext.h"
#include "commands/Duration.h"
#include "config/ServerLog.h"
#include "core/Clock.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"
#include "store/Store.h"

using namespace Qt::StringLiterals;

namespace {

// The standing of the person known by key in a room of these roles.
Permissions::Standing fromRoles(const RoomRoles &roles, const QString &key)
{
    switch (roles.role(key)) {
    case RoomRoles::Role::Owner:
        return Permissions::Standing::Owner;
    case RoomRoles::Role::Operator:
        return Permissions::Standing::Operator;
    case RoomRoles::Role::Member:
        break;
    }
    return roles.isVoiced(key) ? Permissions::Standing::Voiced : Permissions::Standing::Member;
}

} // namespace

ModerationCommands::ModerationCommands(ChatContext &chat)
    : m_chat(chat)
{
}

Permissions::Standing ModerationCommands::standing(const Room *room, const User *user) const
{
    if (room->roles().isMuted(user, m_chat.clock().nowMs()))
        return Permissions::Standing::Muted;
    return rank(room, user);
}

Permissions::Standing ModerationCommands::rank(const Room *room, const User *user) const
{
    if (m_chat.isAdministrator(user))
        return Permissions::Standing::Administrator;
    // Most rooms have no roles: no key is made for every line said.
    if (room->roles().isEmpty())
        return Permissions::Standing::Member;
    return fromRoles(room->roles(), RoomRoles::keyOf(user));
}

Permissions::Standing ModerationCommands::rank(const Room *room,
                                               const ModerationTarget &target) const
{
    if (target.user)
        return rank(room, target.user);
    return rank(room, target.key(), target.account());
}

Permissions::Standing ModerationCommands::rank(const Room *room, const QString &key,
                                               const QString &account) const
{
    if (!account.isEmpty() && m_chat.administrators().contains(account))
        return Permissions::Standing::Administrator;
    return fromRoles(room->roles(), key);
}

ModerationTarget ModerationCommands::member(Session *session, const Command &command, Room **room)
{
    *room = m_chat.targetRoom(session, command);
    if (!*room)
        return {};
    const QString nick = NameRules::normalized(command.argument(0));
    const ModerationTarget target = ModerationTarget::find(m_chat.directory(), nick);
    // Nobody of that name is 401, as for a private message; someone elsewhere 441.
    if (!target.exists()) {
        m_chat.fail(session, command, ErrorCode::NoSuchNick, nick);
        return {};
    }
    if (!target.isIn(*room)) {
        m_chat.fail(session, command, ErrorCode::NotInThatRoom, target.nick(), *room);
        return {};
    }
    return target;
}

ModerationTarget ModerationCommands::target(Session *session, const Command &command, Room **room)
{
    const ModerationTarget target = member(session, command, room);
    if (!target.exists())
        return {};
    // An administrator acts on anyone else, the owner on anyone but them, an operator on
    // members only; nobody on themselves.
    if (rank(*room, target) >= rank(*room, session->user())) {
        m_chat.fail(session, command, ErrorCode::NotRoomOperator, (*room)->name());
        return {};
    }
    return target;
}

void ModerationCommands::op(Session *session, const Command &command)
{
    Room *room = nullptr;
    const ModerationTarget user = target(session, command, &room);
    if (!user.exists())
        return;
    room->roles().setRole(user.key(), RoomRoles::Role::Operator);
    m_chat.roomRules().setRole(room, user.key(), RoomRoles::Role::Operator);
    announce(session, command, room, u"op"_s, user.nick(), {});
}

void ModerationCommands::deop(Session *session, const Command &command)
{
    Room *room = nullptr;
    // Stepping down is one's own to do (Permissions lets only those who run the room); the
    // role of others is taken by those above them.
    const ModerationTarget user = command.names(session->nick()) ? member(session, command, &room)
                                                                 : target(session, command, &room);
    if (!user.exists())
        return;
    room->roles().setRole(user.key(), RoomRoles::Role::Member);
    m_chat.roomRules().setRole(room, user.key(), RoomRoles::Role::Member);
    announce(session, command, room, u"deop"_s, user.nick(), {});
}

void ModerationCommands::kick(Session *session, const Command &command)
{
    Room *room = nullptr;
    const ModerationTarget user = target(session, command, &room);
    if (!user.exists())
        return;
    // The room hears why before the person goes, the person too. A person of another node
    // is put out by their node, when the act reaches it.
    announce(session, command, room, u"kick"_s, user.nick(), command.argument(1));
    if (user.user)
        room->leave(user.user, u"kick"_s, true);
}

void ModerationCommands::mute(Session *session, const Command &command)
{
    Room *room = nullptr;
    const ModerationTarget user = target(session, command, &room);
    if (!user.exists())
        return;
    qint64 seconds = 0;
    if (command.arguments().size() > 1) {
        const std::optional<qint64> given = Duration::seconds(command.argument(1), MaxMuteSeconds);
        if (!given)
            return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                               QString::fromLatin1(command.spec().usage));
        seconds = *given;
    }
    const qint64 untilMs = seconds == 0 ? 0 : m_chat.clock().nowMs() + seconds * 1000;
    room->roles().mute(user.key(), untilMs);
    m_chat.roomRules().mute(room, user.key(), untilMs, session->user()->nick());
    m_chat.sanctionExpiry().schedule();
    announce(session, command, room, u"mute"_s, user.nick(),
             seconds == 0 ? QString() : QString::number(seconds));
}

void ModerationCommands::unmute(Session *session, const Command &command)
{
    Room *room = nullptr;
    const ModerationTarget user = target(session, command, &room);
    if (!user.exists())
        return;
    room->roles().unmute(user.key());
    m_chat.roomRules().unmute(room, user.key());
    announce(session, command, room, u"unmute"_s, user.nick(), {});
}

void ModerationCommands::voice(Session *session, const Command &command)
{
    // Anyone in the room, themselves too: a voice acts on nobody, it lets them speak.
    Room *room = nullptr;
    const ModerationTarget user = member(session, command, &room);
    if (!user.exists())
        return;
    room->roles().voice(user.key());
    m_chat.roomRules().voice(room, user.key(), session->user()->nick());
    announce(session, command, room, u"voice"_s, user.nick(), {});
}

void ModerationCommands::devoice(Session *session, const Command &command)
{
    Room *room = nullptr;
    const ModerationTarget user = member(session, command, &room);
    if (!user.exists())
        return;
    room->roles().devoice(user.key());
    m_chat.roomRules().ended(room, StoredSanction::Kind::Voice, user.key());
    announce(session, command, room, u"devoice"_s, user.nick(), {});
}

void ModerationCommands::modlog(Session *session, const Command &command)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    int count = DefaultLogCount;
    if (!command.arguments().isEmpty()) {
        bool ok = false;
        count = command.argument(0).toInt(&ok);
        if (!ok || count < 1 || count > Store::ModerationKept)
            return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                               QString::fromLatin1(command.spec().usage));
    }
    const QList<StoredModeration> entries = m_chat.moderationLog().latest(room, count);
    // A long log is several lines, each well under a client's line limit, like listings.
    QList<Event> events;
    QStringList line;
    qsizetype bytes = 0;
    qsizetype first = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const StoredModeration &e = entries[i];
        const QStringList item = {e.time.toString(Qt::ISODateWithMs), e.actor, e.act, e.target,
                                  e.detail};
        const qsizetype size = item.join(QString()).toUtf8().size() + 10;
        if (!line.isEmpty() && bytes + size > Protocol::ListLineBytes) {
            events.append(Event::modlog(room->name(), entries.size(), first, line));
            line.clear();
            bytes = 0;
            first = i;
        }
        line += item;
        bytes += size;
    }
    if (!line.isEmpty() || events.isEmpty())
        events.append(Event::modlog(room->name(), entries.size(), first, line));
    for (Event &event : events)
        event.label = command.label();
    m_chat.replies(session).addEvents(events);
}

Event ModerationCommands::announce(Session *session, const Command &command, Room *room,
                                   const QString &act, const QString &target, const QString &detail)
{
    const Event event = record(session, room, act, target, detail);
    send(session, command, room, event);
    return event;
}

void ModerationCommands::announceTogether(Session *session, const Command &command, Room *room,
                                          const QString &act, const QStringList &targetDetailPairs)
{
    for (qsizetype i = 0; i + 1 < targetDetailPairs.size(); i += 2) {
        send(session, command, room,
             record(session, room, act, targetDetailPairs[i], targetDetailPairs[i + 1],
                    targetDetailPairs, i / 2));
    }
}

Event ModerationCommands::record(Session *session, Room *room, const QString &act,
                                 const QString &target, const QString &detail,
                                 const QStringList &together, qint64 place)
{
    const User *actor = session->user();
    qCInfo(lcServer, "%s: %s %s %s", qUtf8Printable(room->name()), qUtf8Printable(actor->nick()),
           qUtf8Printable(act), qUtf8Printable(target));
    return m_chat.moderationLog().record(room, actor, act, target, detail, together, place);
}

void ModerationCommands::send(Session *session, const Command &command, Room *room,
                              const Event &event)
{
    const User *actor = session->user();
    for (User *member : room->members())
        member->send(event, session, command.label(), member == actor);
}
