// SPDX-License-Identifier: MIT
#include "commands/ChatContext.h"

#include "cluster/Bus.h"

#include "NameRules.h"
#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"
#include "store/Store.h"

using namespace Qt::StringLiterals;

ChatContext::ChatContext(const ServerConfig &config, Store &store, ServerMetrics &metrics,
                         const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_metrics(metrics)
    , m_directory(config.presenceLimit, this)
    , m_log(store, m_directory, metrics)
    , m_names(m_directory)
    , m_accounts(store.accounts())
    , m_accountGate(m_hasher)
    , m_passwords(config.passwordFile)
    , m_roomQuota(config, clock)
    , m_roomExpiry(m_directory, store, config, clock)
    , m_roomRules(store, clock)
    , m_sanctionExpiry(m_directory, m_roomRules, clock)
    , m_moderationLog(store)
    , m_bootNumber(store.bootNumber())
{
    reconfigure();
}

void ChatContext::reconfigure()
{
    m_administrators.clear();
    const QStringList names = m_config.administrators.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names)
        m_administrators.insert(NameRules::key(name.trimmed()));
    m_departures.setLimits(m_config.whowasSize, m_config.whowasPerNick);
}

bool ChatContext::isAdministrator(const User *user) const
{
    return !user->adminAccount(m_administrators).isEmpty();
}

void ChatContext::fail(Session *session, const Command &command, ErrorCode code,
                       const QString &subject, const Room *room)
{
    Event error = Event::error(code, command.word(), subject);
    if (room)
        error.room = room->name();
    session->send(error, command.label());
}

void ChatContext::failToStore(Session *session, const Command &command, const QString &error)
{
    qCWarning(lcServer, "store: %s", qUtf8Printable(error));
    if (session && session->state() == Session::State::LoggedIn)
        fail(session, command, ErrorCode::StorageFailed,
             Store::isFullError(error) ? u"full"_s : u"failed"_s);
}

User *ChatContext::newPerson(Session *session, const QString &nick)
{
    // Person ids never repeat: the store's boot number above a counter of this run.
    User *user = adoptPerson(nick, (m_bootNumber << 32) | ++m_lastPerson);
    user->setNames(session->userName(), session->realName());
    user->attach(session);
    session->attach(user);
    return user;
}

User *ChatContext::adoptPerson(const QString &nick, quint64 personId)
{
    auto *user = new User(nick, personId, this);
    m_directory.addPerson(nick, user);
    return user;
}

QStringList ChatContext::loginDetails(const User *user, const QString &token) const
{
    const int grace = m_config.resumeGraceSeconds;
    if (grace <= 0)
        return {user->nick()};
    return {user->nick(), token, QString::number(grace)};
}

User *ChatContext::logIn(Session *session, const QString &nick, const QString &account,
                         const QString &label)
{
    User *user = newPerson(session, nick);
    user->setAccount(account);
    qCInfo(lcServer, "#%llu logged in as %s%s", session->number(), qUtf8Printable(nick),
           account.isEmpty() ? "" : " (registered)");
    ++m_metrics.logins;
    session->send(Event::ok(u"login"_s, loginDetails(user, m_tokens.issue(user))), label);
    Room *hall = m_directory.hall();
    if (hall && (m_config.ircJoinsHall || !session->isIrc())) {
        // Someone banned from the hall is logged in and in no room: other rooms may take them.
        const ErrorCode refusal = m_entryCheck ? m_entryCheck(session, hall) : ErrorCode::None;
        if (refusal != ErrorCode::None)
            session->send(Event::error(refusal, u"join"_s, hall->name()), label);
        else
            enter(session, hall, label);
    }
    return user;
}

void ChatContext::setBus(Bus *bus)
{
    m_bus = bus;
    m_roomRules.setBus(bus);
    m_moderationLog.setBus(bus);
    m_roomExpiry.setBus(bus);
    m_handover.setBus(bus);
}

void ChatContext::tellCluster(const ClusterEvent &event)
{
    if (m_bus)
        m_bus->publish(event);
}

void ChatContext::forgetAccount(const QString &key)
{
    m_accounts.remove(key);
    // A later holder of the name must not inherit the rooms it ran.
    for (Room *room : m_directory.rooms())
        room->roles().forgetAccount(key);
    for (User *user : m_directory.users()) {
        if (user->account() == key)
            user->setAccount({});
        if (user->operAccount() == key)
            user->setOperAccount({});
    }
}

void ChatContext::holdPlace(User *user, int graceMs)
{
    user->holdFor(graceMs, [this, user] { endPerson(user, Event::LostReason); });
}

void ChatContext::endPerson(User *user, const QString &reason, const QString &words)
{
    const QList<Room *> rooms = user->rooms();
    QSet<const Endpoint *> toldIrc;
    for (Room *room : rooms) {
        if (m_shuttingDown)
            room->remove(user);
        else
            room->quit(user, reason, words, toldIrc);
    }
    if (m_directory.user(user->nick()) == user) {
        m_directory.releaseNick(user->nick());
        m_names.release(user->nick());
        if (!m_shuttingDown)
            m_departures.record(*user, reason, QDateTime::currentDateTimeUtc());
    }
    forget(user);
}

void ChatContext::handOverPerson(User *user)
{
    const QList<Room *> rooms = user->rooms();
    for (Room *room : rooms)
        room->remove(user);
    // The name's claim went with them: only this node's hold on it goes.
    if (m_directory.user(user->nick()) == user)
        m_directory.releaseNick(user->nick());
    forget(user);
}

void ChatContext::forget(User *user)
{
    m_tokens.revoke(user);
    m_roomQuota.forget(user->personId());
    user->deleteLater();
}

void ChatContext::disconnectPerson(User *user, const QString &bye, const QString &leaveReason)
{
    const QList<Session *> sessions = sessionsOf(user);
    for (Session *session : sessions) {
        session->send(Event::bye(bye));
        session->close(bye);
    }
    // Reconnecting already, with no connection to close: gone now.
    if (sessions.isEmpty())
        endPerson(user, leaveReason);
}

QList<Session *> ChatContext::sessionsOf(const User *user) const
{
    QList<Session *> sessions;
    for (const Endpoint *endpoint : user->endpoints()) {
        for (Session *session : m_sessions) {
            if (session == endpoint)
                sessions.append(session);
        }
    }
    return sessions;
}

void ChatContext::enter(Session *session, Room *room, const QString &label)
{
    User *user = session->user();
    if (session->roomsMode() == Session::RoomsMode::One) {
        const QList<Room *> rooms = user->rooms();
        for (Room *old : rooms)
            old->leave(user, u"part"_s, true, session, label);
    }
    room->enter(user, session, label);
    session->setCurrentRoom(room);
    sendRoomState(session, room, label);
    if (m_config.historyOnJoin > 0 && room->lastSeq() > 0 && session->wantsHistoryOnJoin()) {
        HistoryRequest request;
        request.roomId = room->id();
        request.direction = HistoryRequest::Direction::Latest;
        request.upTo = room->lastSeq();
        request.limit = m_config.historyOnJoin;
        stream(session, {request, room->name(), {}, u"join"_s, label, false, false, {}, {}});
    }
}

void ChatContext::leave(Session *session, Room *room, const QString &label, const QString &words)
{
    room->leave(session->user(), u"part"_s, true, session, label, words);
}

void ChatContext::sendRoomState(Session *session, const Room *room, const QString &label)
{
    // The member list as it is now (what changes later comes after it), written at the
    // reader's pace: a crowded room's is long.
    QList<Event> state;
    if (!room->topic().isEmpty())
        state << Event::topic(room->name(), room->topicSetter(), room->topic(), room->topicTime());
    state << room->usersEvent();
    for (Event &event : state)
        event.label = label;
    replies(session).addEvents(state);
}

void ChatContext::stream(Session *session, const ReplyStream::HistoryPart &part)
{
    replies(session).addHistory(part);
}

ReplyStream &ChatContext::replies(Session *session)
{
    const auto streams =
        session->findChildren<ReplyStream *>(QString(), Qt::FindDirectChildrenOnly);
    for (ReplyStream *stream : streams) {
        if (!stream->isDone())
            return *stream;
    }
    return *new ReplyStream(session, m_log);
}

Room *ChatContext::memberRoom(Session *session, const Command &command, const QString &name)
{
    Room *room = m_directory.room(name);
    if (!room) {
        fail(session, command, ErrorCode::NoSuchRoom, NameRules::normalized(name));
        return nullptr;
    }
    if (!session->user()->isIn(room)) {
        fail(session, command, ErrorCode::NotInRoom, room->name());
        return nullptr;
    }
    return room;
}

Room *ChatContext::sayingRoom(Session *session, const Command &command)
{
    if (!command.room().isEmpty()) {
        Room *room = m_directory.room(command.room());
        if (room && !room->isPending() && !session->user()->isIn(room) &&
            room->modes().isOn(RoomModes::Rule::OutsideMessages))
            return room;
    }
    return targetRoom(session, command);
}

Room *ChatContext::targetRoom(Session *session, const Command &command)
{
    if (!command.room().isEmpty())
        return memberRoom(session, command, command.room());
    Room *room = session->currentRoom();
    if (!room)
        fail(session, command, ErrorCode::NotInRoom);
    return room;
}
