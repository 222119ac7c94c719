// SPDX-License-Identifier: MIT
#include "commands/AdminCommands.h"

#include "NameRules.h"
#include "cluster/ClusterEvent.h"
#include "commands/ChatContext.h"
#include "config/ServerLog.h"
#include "core/RemotePerson.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

AdminCommands::AdminCommands(ChatContext &chat)
    : m_chat(chat)
{
}

void AdminCommands::notice(Session *session, const Command &command)
{
    const User *actor = session->user();
    qCInfo(lcServer, "notice from %s", qUtf8Printable(actor->nick()));
    tell(Event::notice(actor->nick(), command.argument(0)), Audience::Everyone, session,
         command.label());
    m_chat.tellCluster(ClusterEvent::noticed(actor->nick(), command.argument(0)));
}

void AdminCommands::wallops(Session *session, const Command &command)
{
    const User *actor = session->user();
    qCInfo(lcServer, "wallops from %s", qUtf8Printable(actor->nick()));
    tell(Event::wallops(actor->nick(), command.argument(0)), Audience::Administrators, session,
         command.label());
    m_chat.tellCluster(ClusterEvent::wallopsSent(actor->nick(), command.argument(0)));
}

void AdminCommands::tell(const Event &event, Audience audience, const Session *from,
                         const QString &label)
{
    const User *actor = from ? from->user() : nullptr;
    const QList<User *> users = m_chat.directory().users();
    for (User *user : users) {
        if (audience == Audience::Everyone || m_chat.isAdministrator(user))
            user->send(event, from, label, user == actor);
    }
}

void AdminCommands::disconnect(Session *session, const Command &command)
{
    const QString nick = NameRules::normalized(command.argument(0));
    User *user = m_chat.directory().user(nick);
    const RemotePerson *remote = user ? nullptr : m_chat.directory().remote().find(nick);
    if (!user && !remote)
        return m_chat.fail(session, command, ErrorCode::NoSuchNick, nick);
    const QString name = user ? user->nick() : remote->nick;
    qCInfo(lcServer, "%s disconnected %s: %s", qUtf8Printable(session->user()->nick()),
           qUtf8Printable(name), qUtf8Printable(command.argument(1)));
    session->send(Event::ok(u"disconnect"_s, {name}), command.label());
    if (user)
        m_chat.disconnectPerson(user, u"disconnect"_s, u"disconnect"_s);
    else
        m_chat.tellCluster(ClusterEvent::disconnected(remote->id, session->user()->nick()));
}

void AdminCommands::fromElsewhere(const ClusterEvent &event)
{
    if (event.type == ClusterEvent::Type::Notice) {
        qCInfo(lcServer, "notice from %s (on another node)", qUtf8Printable(event.message.sender));
        return tell(Event::notice(event.message.sender, event.message.text), Audience::Everyone);
    }
    if (event.type == ClusterEvent::Type::Wallops) {
        qCInfo(lcServer, "wallops from %s (on another node)", qUtf8Printable(event.message.sender));
        return tell(Event::wallops(event.message.sender, event.message.text),
                    Audience::Administrators);
    }
    if (event.type != ClusterEvent::Type::Disconnect)
        return;
    const QList<User *> users = m_chat.directory().users();
    for (User *user : users) {
        if (user->personId() == event.person.id) {
            qCInfo(lcServer, "%s disconnected %s (from another node)",
                   qUtf8Printable(event.message.sender), qUtf8Printable(user->nick()));
            return m_chat.disconnectPerson(user, u"disconnect"_s, u"disconnect"_s);
        }
    }
}

void AdminCommands::close(Session *session, const Command &command)
{
    QString name = command.argument(0);
    if (name.startsWith(u'#'))
        name.remove(0, 1);
    Room *room = m_chat.directory().room(name);
    if (!room || room->isPending())
        return m_chat.fail(session, command, ErrorCode::NoSuchRoom, NameRules::normalized(name));
    if (room == m_chat.directory().hall())
        return m_chat.fail(session, command, ErrorCode::NotRoomOperator, room->name());
    const User *actor = session->user();
    qCInfo(lcServer, "%s closed %s", qUtf8Printable(actor->nick()), qUtf8Printable(room->name()));
    session->send(Event::ok(u"close"_s, {room->name()}), command.label());
    // Logged like every act, though the room's log goes with it: the store deletes it with
    // the room, in the order of writing.
    const Event event =
        m_chat.moderationLog().record(room, actor, u"close"_s, room->name(), command.argument(1));
    const QList<User *> members = room->members();
    for (User *member : members)
        member->send(event);
    for (User *member : members)
        room->leave(member, u"close"_s, true);
    m_chat.roomExpiry().remove(room);
}
