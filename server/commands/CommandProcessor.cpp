// SPDX-License-Identifier: MIT
#include "commands/CommandProcessor.h"

#include "NameRules.h"
#include "Protocol.h"
#include "core/Room.h"
#include "config/ServerLog.h"
#include "session/Session.h"
#include "Translations.h"

using namespace Qt::StringLiterals;

CommandProcessor::CommandProcessor(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_serverName(config.name)
    , m_passwords(config.passwordFile)
    , m_directory(config.presenceLimit, this)
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
    logRoom(m_directory.hall());
    connect(&m_directory, &Directory::roomCreated, this, [logRoom](Room *room) {
        qCInfo(lcServer, "room %s created", qUtf8Printable(room->name()));
        logRoom(room);
    });
}

void CommandProcessor::addSession(Session *session)
{
    connect(session, &Session::commandReceived, this,
            [this, session](const Command &command) { handle(session, command); });
    connect(session, &Session::closed, this,
            [this, session](const QString &reason) { sessionClosed(session, reason); });
    m_sessions.append(session);
    session->send(Event::welcome(m_serverName));
}

void CommandProcessor::shutdown()
{
    // Everyone hears the news before anyone is disconnected, and nobody is told about each
    // departure that follows.
    m_shuttingDown = true;
    const QList<Session *> sessions = m_sessions;
    for (Session *session : sessions)
        session->send(Event::bye(u"shutdown"_s));
    for (Session *session : sessions)
        session->close(u"shutdown"_s);
}

CommandProcessor::Handler CommandProcessor::handlerFor(CommandType type)
{
    switch (type) {
    case CommandType::Login:
        return &CommandProcessor::login;
    case CommandType::Pass:
        return &CommandProcessor::pass;
    case CommandType::Logout:
        return &CommandProcessor::logout;
    case CommandType::Say:
        return &CommandProcessor::say;
    case CommandType::Me:
        return &CommandProcessor::me;
    case CommandType::Look:
        return &CommandProcessor::look;
    case CommandType::Who:
        return &CommandProcessor::who;
    case CommandType::List:
        return &CommandProcessor::list;
    case CommandType::Create:
        return &CommandProcessor::create;
    case CommandType::Join:
        return &CommandProcessor::join;
    case CommandType::Msg:
        return &CommandProcessor::msg;
    case CommandType::Nick:
        return &CommandProcessor::nick;
    case CommandType::Topic:
        return &CommandProcessor::topic;
    case CommandType::Help:
        return &CommandProcessor::help;
    case CommandType::Set:
        return &CommandProcessor::set;
    case CommandType::Ping:
        return &CommandProcessor::ping;
    case CommandType::Pong:
        return &CommandProcessor::pong;
    }
    return nullptr;
}

void CommandProcessor::handle(Session *session, const Command &command)
{
    const bool loggedIn = session->state() == Session::State::InRoom;
    switch (command.spec().availability) {
    case Availability::LoggedIn:
        if (!loggedIn)
            return fail(session, command, ErrorCode::NotLoggedIn);
        break;
    case Availability::BeforeLogin:
        if (loggedIn)
            return fail(session, command, ErrorCode::AlreadyLoggedIn, session->nick());
        break;
    case Availability::Always:
        break;
    }
    (this->*handlerFor(command.type()))(session, command);
}

void CommandProcessor::sessionClosed(Session *session, const QString &reason)
{
    qCInfo(lcServer, "#%llu disconnected (%s)", session->number(), qUtf8Printable(reason));
    m_sessions.removeOne(session);
    m_passwords.forget(session);
    if (session->nick().isEmpty())
        return;
    if (Room *room = session->room()) {
        if (m_shuttingDown)
            room->remove(session);
        else
            room->leave(session, reason == "logout"_L1 ? u"quit"_s : u"lost"_s, false);
    }
    m_directory.releaseNick(session->nick());
}

void CommandProcessor::fail(Session *session, const Command &command, ErrorCode code,
                            const QString &subject)
{
    session->send(Event::error(code, command.word(), subject), command.label());
}

void CommandProcessor::moveTo(Session *session, Room *room, const QString &label)
{
    if (Room *old = session->room())
        old->leave(session, u"part"_s, true, label);
    room->enter(session, label);
    sendRoomState(session, room, label);
}

void CommandProcessor::sendRoomState(Session *session, const Room *room, const QString &label)
{
    if (!room->topic().isEmpty())
        session->send(Event::topic(room->name(), room->topicSetter(), room->topic()), label);
    session->send(room->usersEvent(), label);
}

void CommandProcessor::login(Session *session, const Command &command)
{
    if (!m_passwords.hasPassed(session))
        return fail(session, command, ErrorCode::PasswordMismatch, u"required"_s);
    const QString nick = NameRules::normalized(command.argument(0));
    if (!NameRules::isValidNick(nick))
        return fail(session, command, ErrorCode::BadNick, nick);
    if (m_directory.isNickTaken(nick))
        return fail(session, command, ErrorCode::NickInUse, nick);
    m_directory.claimNick(nick, session);
    session->logIn(nick);
    qCInfo(lcServer, "#%llu logged in as %s", session->number(), qUtf8Printable(nick));
    session->send(Event::ok(u"login"_s, {nick}), command.label());
    moveTo(session, m_directory.hall(), command.label());
}

void CommandProcessor::pass(Session *session, const Command &command)
{
    if (m_passwords.hasPassed(session)) {
        session->send(Event::ok(u"pass"_s, {}), command.label());
        return;
    }
    m_passwords.check(
        session, command.argument(0),
        [session, label = command.label()](PasswordGate::Verdict verdict) {
            if (session->state() == Session::State::Gone)
                return;
            if (verdict == PasswordGate::Verdict::Accepted) {
                session->send(Event::ok(u"pass"_s, {}), label);
                return;
            }
            qCInfo(lcServer, "#%llu gave a wrong password", session->number());
            session->send(Event::error(ErrorCode::PasswordMismatch, u"pass"_s, u"wrong"_s), label);
            if (verdict == PasswordGate::Verdict::TooManyWrong)
                session->closeWithBye(u"password"_s);
        });
}

void CommandProcessor::logout(Session *session, const Command &command)
{
    session->send(Event::bye(u"logout"_s), command.label());
    session->close(u"logout"_s);
}

void CommandProcessor::say(Session *session, const Command &command)
{
    Room *room = session->room();
    room->broadcast(
        Event::message(++m_lastMessageId, room->name(), session->nick(), command.argument(0)),
        session, command.label());
}

void CommandProcessor::me(Session *session, const Command &command)
{
    Room *room = session->room();
    room->broadcast(
        Event::action(++m_lastMessageId, room->name(), session->nick(), command.argument(0)),
        session, command.label());
}

void CommandProcessor::look(Session *session, const Command &command)
{
    session->send(session->room()->usersEvent(), command.label());
}

void CommandProcessor::who(Session *session, const Command &command)
{
    QStringList pairs;
    for (const Session *other : m_directory.sessions())
        pairs << other->nick() << (other->room() ? other->room()->name() : QString());
    session->send(Event::who(pairs), command.label());
}

void CommandProcessor::list(Session *session, const Command &command)
{
    QStringList triples;
    for (const Room *room : m_directory.rooms())
        triples << room->name() << QString::number(room->members().size()) << room->topic();
    session->send(Event::rooms(triples), command.label());
}

void CommandProcessor::create(Session *session, const Command &command)
{
    const QString name = NameRules::normalized(command.argument(0));
    if (!NameRules::isValidRoom(name))
        return fail(session, command, ErrorCode::BadRoomName, name);
    if (m_directory.room(name))
        return fail(session, command, ErrorCode::RoomExists, name);
    moveTo(session, m_directory.createRoom(name), command.label());
}

void CommandProcessor::join(Session *session, const Command &command)
{
    Room *room = m_directory.room(command.argument(0));
    if (!room)
        return fail(session, command, ErrorCode::NoSuchRoom, command.argument(0));
    if (room == session->room())
        return fail(session, command, ErrorCode::AlreadyInRoom, room->name());
    moveTo(session, room, command.label());
}

void CommandProcessor::msg(Session *session, const Command &command)
{
    Session *target = m_directory.session(command.argument(0));
    if (!target)
        return fail(session, command, ErrorCode::NoSuchNick, command.argument(0));
    const Event event = Event::privateMessage(++m_lastMessageId, session->nick(), target->nick(),
                                              command.argument(1));
    if (target != session)
        target->send(event);
    session->send(event, command.label(), true);
}

void CommandProcessor::nick(Session *session, const Command &command)
{
    const QString newNick = NameRules::normalized(command.argument(0));
    if (!NameRules::isValidNick(newNick))
        return fail(session, command, ErrorCode::BadNick, newNick);
    const Session *owner = m_directory.session(newNick);
    if (owner && owner != session)
        return fail(session, command, ErrorCode::NickInUse, newNick);
    const QString oldNick = session->nick();
    m_directory.releaseNick(oldNick);
    m_directory.claimNick(newNick, session);
    session->setNick(newNick);
    qCInfo(lcServer, "%s is now known as %s", qUtf8Printable(oldNick), qUtf8Printable(newNick));
    session->room()->broadcast(Event::nickChange(oldNick, newNick), session, command.label());
}

void CommandProcessor::topic(Session *session, const Command &command)
{
    Room *room = session->room();
    if (command.arguments().isEmpty()) {
        session->send(Event::topic(room->name(), room->topicSetter(), room->topic()),
                      command.label());
        return;
    }
    QString text = command.argument(0);
    if (text == "-"_L1)
        text.clear();
    if (text.size() > Protocol::TopicMaxLength)
        return fail(session, command, ErrorCode::TopicTooLong,
                    QString::number(Protocol::TopicMaxLength));
    room->setTopic(text, session->nick());
    room->broadcast(Event::topicChanged(room->name(), session->nick(), text), session,
                    command.label());
}

void CommandProcessor::help(Session *session, const Command &command)
{
    QStringList pairs;
    if (command.arguments().isEmpty()) {
        for (const CommandSpec &spec : CommandTable::all())
            pairs << QString::fromLatin1(spec.usage) << QString::fromUtf8(spec.summary);
    } else {
        QString word = command.argument(0);
        if (word.startsWith(u'/'))
            word.remove(0, 1);
        const CommandSpec *spec = CommandTable::find(word);
        if (!spec)
            return fail(session, command, ErrorCode::UnknownCommand, word);
        pairs << QString::fromLatin1(spec->usage) << QString::fromUtf8(spec->summary);
    }
    session->send(Event::help(pairs), command.label());
}

void CommandProcessor::set(Session *session, const Command &command)
{
    Rendering rendering = session->rendering();
    if (command.arguments().isEmpty()) {
        session->send(Event::settings({u"time"_s, rendering.text.timestamps ? u"on"_s : u"off"_s,
                                       u"tagged"_s, rendering.tagged ? u"on"_s : u"off"_s,
                                       u"lang"_s, session->language()}),
                      command.label());
        return;
    }
    const QString key = command.argument(0).toLower();
    const QString value = command.argument(1);
    const bool onOff = value == "on"_L1 || value == "off"_L1;
    if (key == "time"_L1 && onOff) {
        rendering.text.timestamps = value == "on"_L1;
    } else if (key == "tagged"_L1 && onOff) {
        rendering.tagged = value == "on"_L1;
    } else if (key == "lang"_L1 && Translations::languages().contains(value)) {
        session->setLanguage(value);
        rendering.text.translator = Translations::translator(value);
    } else {
        return fail(session, command, ErrorCode::NeedMoreParams,
                    QString::fromLatin1(command.spec().usage));
    }
    session->setRendering(rendering);
    session->send(Event::ok(u"set"_s, {key, value}), command.label());
    if (key == "tagged"_L1 && rendering.tagged)
        session->send(Event::welcome(m_serverName), command.label());
}

void CommandProcessor::ping(Session *session, const Command &command)
{
    session->send(Event::pong(command.argument(0)), command.label());
}

void CommandProcessor::pong(Session *, const Command &)
{
    // Any line already proves the peer is alive; a pong needs no answer.
}
