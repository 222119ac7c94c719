// SPDX-License-Identifier: MIT
#include "commands/RoomCommands.h"

#include "NameRules.h"
#include "Protocol.h"
#include "commands/ChatContext.h"
#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"
#include "store/Store.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace {

QString withoutHash(const QString &name)
{
    return name.startsWith(u'#') ? name.sliced(1) : name;
}

// "join #" names no room at all: the usage says what is missing, where a lookup of the empty
// name would answer "no room called" nothing, or claim the person is in no room.
bool namesNoRoom(const Command &command)
{
    return !command.arguments().isEmpty() && withoutHash(command.argument(0)).isEmpty();
}

} // namespace

RoomCommands::RoomCommands(ChatContext &chat)
    : m_chat(chat)
{
}

Room *RoomCommands::namedRoom(Session *session, const Command &command)
{
    if (namesNoRoom(command)) {
        m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                    QString::fromLatin1(command.spec().usage));
        return nullptr;
    }
    const QString name = withoutHash(command.argument(0));
    Room *room = m_chat.directory().room(name);
    if (room && !room->isPending())
        return room;
    m_chat.fail(session, command, ErrorCode::NoSuchRoom, NameRules::normalized(name));
    return nullptr;
}

bool RoomCommands::hasRoomFor(Session *session, const Command &command)
{
    const int limit = m_chat.config().maxRoomsPerSession;
    if (session->roomsMode() == Session::RoomsMode::One || session->user()->rooms().size() < limit)
        return true;
    m_chat.fail(session, command, ErrorCode::TooManyRooms, QString::number(limit));
    return false;
}

void RoomCommands::create(Session *session, const Command &command)
{
    if (namesNoRoom(command))
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    const QString name = NameRules::normalized(withoutHash(command.argument(0)));
    if (!NameRules::isValidRoom(name))
        return m_chat.fail(session, command, ErrorCode::BadRoomName, name);
    if (m_chat.directory().room(name))
        return m_chat.fail(session, command, ErrorCode::RoomExists, name);
    if (!hasRoomFor(session, command))
        return;
    // The room exists at once, so that nobody else can take its name, and the creator enters
    // it once it is stored: a room someone was in survives a restart.
    Room *room = m_chat.directory().addRoom(m_chat.directory().nextRoomId(), name);
    room->setPending(true);
    session->pauseInput();
    StoredRoom stored;
    stored.id = room->id();
    stored.name = room->name();
    stored.key = NameRules::key(name);
    stored.creator = session->nick();
    stored.created = QDateTime::currentDateTimeUtc();
    m_chat.log().createRoom(stored, [this, session = QPointer<Session>(session),
                                     room = QPointer<Room>(room), command](const QString &error) {
        if (session)
            session->resumeInput();
        if (!room)
            return;
        if (!error.isEmpty()) {
            qCWarning(lcServer, "room %s could not be stored: %s", qUtf8Printable(room->name()),
                      qUtf8Printable(error));
            m_chat.directory().removeRoom(room);
            m_chat.failToStore(session, command, error);
            return;
        }
        room->setPending(false);
        qCInfo(lcServer, "room %s created", qUtf8Printable(room->name()));
        if (session && session->state() == Session::State::LoggedIn && hasRoomFor(session, command))
            m_chat.enter(session, room, command.label());
    });
}

void RoomCommands::join(Session *session, const Command &command)
{
    Room *room = namedRoom(session, command);
    if (!room)
        return;
    if (session->user()->isIn(room)) {
        if (session->roomsMode() == Session::RoomsMode::Many && !session->rendering().tagged &&
            session->currentRoom() != room)
            return switchTo(session, command);
        return m_chat.fail(session, command, ErrorCode::AlreadyInRoom, room->name());
    }
    if (hasRoomFor(session, command))
        m_chat.enter(session, room, command.label());
}

void RoomCommands::leave(Session *session, const Command &command)
{
    if (namesNoRoom(command))
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    Room *room = nullptr;
    if (command.arguments().isEmpty()) {
        room = session->currentRoom();
        if (!room)
            return m_chat.fail(session, command, ErrorCode::NotInRoom);
    } else {
        room = m_chat.directory().room(withoutHash(command.argument(0)));
        if (!room || !session->user()->isIn(room))
            return m_chat.fail(session, command, ErrorCode::NotInRoom,
                               room ? room->name()
                                    : NameRules::normalized(withoutHash(command.argument(0))));
    }
    m_chat.leave(session, room, command.label());
}

void RoomCommands::switchTo(Session *session, const Command &command)
{
    if (namesNoRoom(command))
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    Room *room = m_chat.directory().room(withoutHash(command.argument(0)));
    if (!room || !session->user()->isIn(room))
        return m_chat.fail(session, command, ErrorCode::NotInRoom,
                           room ? room->name()
                                : NameRules::normalized(withoutHash(command.argument(0))));
    session->setCurrentRoom(room);
    session->send(Event::ok(u"switch"_s, {room->name()}), command.label());
}

void RoomCommands::look(Session *session, const Command &command)
{
    if (Room *room = m_chat.targetRoom(session, command))
        session->send(room->usersEvent(), command.label());
}

void RoomCommands::who(Session *session, const Command &command)
{
    QStringList triples;
    for (const User *user : m_chat.directory().users()) {
        QStringList rooms;
        for (const Room *room : user->rooms())
            rooms << room->name();
        triples << user->nick() << rooms.join(u',') << user->flags();
    }
    session->send(Event::who(triples), command.label());
}

void RoomCommands::list(Session *session, const Command &command)
{
    QStringList triples;
    for (const Room *room : m_chat.directory().rooms()) {
        if (!room->isPending())
            triples << room->name() << QString::number(room->members().size()) << room->topic();
    }
    session->send(Event::rooms(triples), command.label());
}

void RoomCommands::topic(Session *session, const Command &command)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    if (command.arguments().isEmpty()) {
        session->send(Event::topic(room->name(), room->topicSetter(), room->topic()),
                      command.label());
        return;
    }
    QString text = command.argument(0);
    if (text == "-"_L1)
        text.clear();
    if (text.size() > Protocol::TopicMaxLength)
        return m_chat.fail(session, command, ErrorCode::TopicTooLong,
                           QString::number(Protocol::TopicMaxLength));
    User *user = session->user();
    m_chat.log().postToRoom(room, StoredMessage::Kind::Topic, user, text,
                            [this, session = QPointer<Session>(session),
                             user = QPointer<User>(user), room = QPointer<Room>(room),
                             command](const Event &event, const QString &error) {
                                if (!error.isEmpty()) {
                                    m_chat.failToStore(session, command, error);
                                    return;
                                }
                                room->broadcast(event, user, session, command.label());
                            });
}
