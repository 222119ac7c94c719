// SPDX-License-Identifier: MIT
#include "commands/CommandProcessor.h"

#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

CommandProcessor::CommandProcessor(const ServerConfig &config, Store &store, ServerMetrics &metrics,
                                   const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_chat(config, store, metrics, clock)
    , m_accountCommands(m_chat)
    , m_access(m_chat, m_accountCommands)
    , m_rooms(m_chat)
    , m_messages(m_chat)
    , m_moderation(m_chat)
    , m_settings(m_chat)
{
    auto logRoom = [](Room *room) {
        connect(room, &Room::entered, room, [room](const QString &nick) {
            qCInfo(lcServer, "%s entered %s", qUtf8Printable(nick), qUtf8Printable(room->name()));
        });
        connect(room, &Room::left, room, [room](const QString &nick, const QString &reason) {
            qCInfo(lcServer, "%s left %s (%s)", qUtf8Printable(nick), qUtf8Printable(room->name()),
                   qUtf8Printable(reason));
        });
    };
    for (Room *room : m_chat.directory().rooms())
        logRoom(room);
    connect(&m_chat.directory(), &Directory::roomAdded, this, logRoom);
}

void CommandProcessor::addSession(Session *session)
{
    connect(session, &Session::commandReceived, this,
            [this, session](const Command &command) { handle(session, command); });
    connect(session, &Session::closed, this,
            [this, session](const QString &reason) { sessionClosed(session, reason); });
    m_chat.sessions().append(session);
    session->send(Event::welcome(m_chat.config().displayName()));
}

void CommandProcessor::reconfigure()
{
    m_chat.reconfigure();
    m_chat.directory().setPresenceLimit(m_chat.config().presenceLimit);
    const QList<Session *> sessions = m_chat.sessions();
    for (Session *session : sessions)
        session->reconfigure();
}

void CommandProcessor::shutdown()
{
    // Everyone hears the news before anyone is disconnected, and nobody is told about each
    // departure that follows.
    m_chat.setShuttingDown();
    const QList<Session *> sessions = m_chat.sessions();
    for (Session *session : sessions)
        session->send(Event::bye(u"shutdown"_s));
    for (Session *session : sessions)
        session->close(u"shutdown"_s);
}

void CommandProcessor::handle(Session *session, const Command &command)
{
    const bool loggedIn = session->state() == Session::State::LoggedIn;
    switch (command.spec().availability) {
    case Availability::LoggedIn:
        if (!loggedIn)
            return m_chat.fail(session, command, ErrorCode::NotLoggedIn);
        break;
    case Availability::BeforeLogin:
        if (loggedIn)
            return m_chat.fail(session, command, ErrorCode::AlreadyLoggedIn, session->nick());
        break;
    case Availability::Always:
        break;
    }
    if (Permissions::governs(command.type())) {
        Room *room = m_chat.targetRoom(session, command);
        if (!room)
            return;
        const ErrorCode refusal =
            Permissions::check(command.type(), m_moderation.standing(room, session->user()));
        if (refusal != ErrorCode::None)
            return m_chat.fail(session, command, refusal, room->name());
    }
    dispatch(session, command);
}

void CommandProcessor::dispatch(Session *session, const Command &command)
{
    using T = CommandType;
    switch (command.type()) {
    case T::Login:
        return m_access.login(session, command);
    case T::Pass:
        return m_access.pass(session, command);
    case T::Resume:
        return m_access.resume(session, command);
    case T::Logout:
        return m_access.logout(session, command);
    case T::Nick:
        return m_access.nick(session, command);
    case T::Say:
        return m_messages.say(session, command);
    case T::Me:
        return m_messages.me(session, command);
    case T::Msg:
        return m_messages.msg(session, command);
    case T::History:
        return m_messages.history(session, command);
    case T::Look:
        return m_rooms.look(session, command);
    case T::Who:
        return m_rooms.who(session, command);
    case T::List:
        return m_rooms.list(session, command);
    case T::Create:
        return m_rooms.create(session, command);
    case T::Join:
        return m_rooms.join(session, command);
    case T::Leave:
        return m_rooms.leave(session, command);
    case T::Switch:
        return m_rooms.switchTo(session, command);
    case T::Topic:
        return m_rooms.topic(session, command);
    case T::Help:
        return m_settings.help(session, command);
    case T::Set:
        return m_settings.set(session, command);
    case T::Ping:
        return m_settings.ping(session, command);
    case T::Pong:
        return m_settings.pong(session, command);
    case T::Register:
        return m_accountCommands.registerNick(session, command);
    case T::Identify:
        return m_accountCommands.identify(session, command);
    case T::Password:
        return m_accountCommands.password(session, command);
    case T::Unregister:
        return m_accountCommands.unregister(session, command);
    case T::Op:
        return m_moderation.op(session, command);
    case T::Deop:
        return m_moderation.deop(session, command);
    case T::Kick:
        return m_moderation.kick(session, command);
    case T::Mute:
        return m_moderation.mute(session, command);
    case T::Unmute:
        return m_moderation.unmute(session, command);
    }
}

void CommandProcessor::sessionClosed(Session *session, const QString &reason)
{
    qCInfo(lcServer, "#%llu disconnected (%s)", session->number(), qUtf8Printable(reason));
    m_chat.sessions().removeOne(session);
    m_chat.passwords().forget(session);
    m_access.forget(session);
    m_accountCommands.forget(session);
    m_chat.accountGate().forget(session);
    User *user = session->user();
    // A session replaced by a resume has already been let go of.
    if (!user || !user->endpoints().contains(session))
        return;
    user->detach(session);
    if (!user->isReconnecting())
        return; // another connection still carries the person
    const int graceMs = m_chat.config().resumeGraceSeconds * 1000;
    // A flood is closed on purpose: that person does not get their place kept.
    if (m_chat.isShuttingDown() || reason == "logout"_L1 || reason == "flood"_L1 || graceMs <= 0) {
        m_chat.endPerson(user, m_chat.isShuttingDown() ? u"shutdown"_s
                               : reason == "logout"_L1 ? u"quit"_s
                                                       : u"lost"_s);
        return;
    }
    user->holdFor(graceMs);
    // The person's place is held: the others see them reconnecting, and what is said meanwhile
    // waits in the store for their resume.
    QHash<const Room *, quint64> seqs;
    for (const Room *room : user->rooms())
        seqs.insert(room, room->lastSeq());
    user->rememberDropPoint(seqs, m_chat.log().lastPrivateId());
    qCInfo(lcServer, "%s is reconnecting", qUtf8Printable(user->nick()));
    for (Room *room : user->rooms())
        room->announcePresence(user, u"reconnecting"_s);
}
