// SPDX-License-Identifier: MIT
#include "commands/RoomCommands.h"

#include "NameRules.h"
#include "Protocol.h"
#include "commands/ChatContext.h"
#include "commands/Listing.h"
#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "security/Lookalikes.h"
#include "session/InputPause.h"
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

// The words of list and who: a filter, a page number, or both, in that order. A word of
// digits alone is a page ("list 2"); "#2" or "*2*" looks for a 2 in the names.
struct ListingWords
{
    bool valid = true;
    NamePattern pattern;
    int page = 0; // 0: not given
};

bool isDigits(const QString &word)
{
    return !word.isEmpty() &&
           std::all_of(word.begin(), word.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

ListingWords parseListingWords(QStringList words)
{
    ListingWords result;
    if (!words.isEmpty() && isDigits(words.last())) {
        bool ok = false;
        result.page = words.takeLast().toInt(&ok);
        result.valid = ok && result.page >= 1;
    }
    if (words.size() > 1)
        result.valid = false; // two words: the second is a page
    else if (!words.isEmpty())
        result.pattern = NamePattern(words.first());
    result.valid = result.valid && result.pattern.isValid();
    return result;
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
    if (!NameRules::isValidRoom(name) || Lookalikes::isDeceptive(name))
        return m_chat.fail(session, command, ErrorCode::BadRoomName, name);
    // A room that only looks like the one asked for is named as it is: "join" that one.
    if (const Room *existing = m_chat.directory().roomLike(name))
        return m_chat.fail(
            session, command, ErrorCode::RoomExists,
            NameRules::key(existing->name()) == NameRules::key(name) ? name : existing->name());
    if (!hasRoomFor(session, command))
        return;
    const RoomQuota::Verdict quota =
        m_chat.roomQuota().take(session->user()->personId(), m_chat.directory().roomCount());
    if (quota.code != ErrorCode::None)
        return m_chat.fail(session, command, quota.code, quota.subject);
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
    room->setCreated(stored.created);
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
        if (session && session->state() == Session::State::LoggedIn &&
            hasRoomFor(session, command)) {
            // Whoever creates a room owns it.
            const QString owner = RoomRoles::keyOf(session->user());
            room->roles().setRole(owner, RoomRoles::Role::Owner);
            m_chat.roomRules().setRole(room, owner, RoomRoles::Role::Owner);
            m_chat.enter(session, room, command.label());
        }
    });
}

void RoomCommands::join(Session *session, const Command &command)
{
    Room *room = namedRoom(session, command);
    if (!room)
        return;
    if (session->user()->isIn(room)) {
        if (session->roomsMode() == Session::RoomsMode::Many && !session->readsWholeLists() &&
            session->currentRoom() != room)
            return switchTo(session, command);
        return m_chat.fail(session, command, ErrorCode::AlreadyInRoom, room->name());
    }
    if (hasRoomFor(session, command))
        m_chat.enter(session, room, command.label());
}

void RoomCommands::leave(Session *session, const Command &command)
{
    // "leave [room] [words]": the room, then what the others are told as the person goes.
    const QString name = command.argument(0).section(u' ', 0, 0);
    const QString words = command.argument(0).section(u' ', 1).trimmed();
    if (!command.arguments().isEmpty() && withoutHash(name).isEmpty())
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    Room *room = nullptr;
    if (command.arguments().isEmpty()) {
        room = session->currentRoom();
        if (!room)
            return m_chat.fail(session, command, ErrorCode::NotInRoom);
    } else {
        room = m_chat.memberRoom(session, command, withoutHash(name));
        if (!room)
            return;
    }
    m_chat.leave(session, room, command.label(), words);
}

void RoomCommands::switchTo(Session *session, const Command &command)
{
    if (namesNoRoom(command))
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    Room *room = m_chat.memberRoom(session, command, withoutHash(command.argument(0)));
    if (!room)
        return;
    session->setCurrentRoom(room);
    session->send(Event::ok(u"switch"_s, {room->name()}), command.label());
}

void RoomCommands::look(Session *session, const Command &command)
{
    // A crowded room lists the first presence-limit members: bounded, but long enough to be
    // written at the reader's pace, after the replies asked for before it.
    if (Room *room = m_chat.targetRoom(session, command)) {
        Event users = room->usersEvent(session->isIrc()); // WHO #room shows the details
        users.label = command.label();
        QList<Event> events = {users};
        // The room's rules, when any is on (always for IRC, whose MODE #room asks for them).
        if (const QStringList rules = room->modes().namesOn();
            !rules.isEmpty() || session->isIrc()) {
            events.append(Event::rules(room->name(), rules, room->created()));
            events.last().label = command.label();
        }
        m_chat.replies(session).addEvents(events);
    }
}

void RoomCommands::who(Session *session, const Command &command)
{
    sendListing(session, command, Listing::What::People);
}

// "whowas <nick> [count]": a count below 1 asks for every departure kept (as IRC's WHOWAS).
void RoomCommands::whowas(Session *session, const Command &command)
{
    const QString nick = command.argument(0);
    qsizetype count = 0;
    if (command.arguments().size() > 1) {
        bool ok = false;
        count = command.argument(1).toInt(&ok);
        if (!ok)
            return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                               QString::fromLatin1(command.spec().usage));
    }
    QStringList departures;
    QStringList details;
    for (const Departures::Entry &entry : m_chat.departures().of(nick, count)) {
        departures << entry.nick << entry.account << entry.left.toString(Qt::ISODateWithMs)
                   << entry.why << entry.newNick;
        details << entry.userName << entry.realName << QString() << QString();
    }
    session->send(Event::whowas(nick, departures, details), command.label());
}

void RoomCommands::list(Session *session, const Command &command)
{
    sendListing(session, command, Listing::What::Rooms);
}

void RoomCommands::sendListing(Session *session, const Command &command, Listing::What what)
{
    const ListingWords words = parseListingWords(command.arguments());
    if (!words.valid)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    // People read a page at a time; programs take everything unless they ask for a page.
    const int page = words.page > 0 ? words.page : session->readsWholeLists() ? 0 : 1;
    Listing::Viewer viewer;
    if (const User *user = session->user()) {
        viewer.user = user;
        viewer.seesEveryone = m_chat.isAdministrator(user);
    }
    m_chat.replies(session).addSource(std::make_shared<Listing>(
        m_chat.directory(), what, words.pattern, page, m_chat.config().listPageSize,
        command.label(), m_chat.administrators(), std::move(viewer)));
}

void RoomCommands::topic(Session *session, const Command &command)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    if (command.arguments().isEmpty()) {
        session->send(
            Event::topic(room->name(), room->topicSetter(), room->topic(), room->topicTime()),
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
    // What the session asks next (the topic, say) is answered once the change is the room's.
    m_chat.log().postToRoom(room, StoredMessage::Kind::Topic, user, text, {},
                            [this, pause = InputPause(session),
                             session = QPointer<Session>(session), user = QPointer<User>(user),
                             room = QPointer<Room>(room),
                             command](const Event &event, const QString &error) {
                                if (!error.isEmpty()) {
                                    m_chat.failToStore(session, command, error);
                                    return;
                                }
                                room->broadcast(event, user, session, command.label());
                            });
}
