// SPDX-License-Identifier: MIT
#include "commands/SessionCommands.h"

#include "CommandTable.h"
#include "Protocol.h"
#include "Translations.h"
#include "commands/ChatContext.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"

#include <QPointer>

using namespace Qt::StringLiterals;

SessionCommands::SessionCommands(ChatContext &chat)
    : m_chat(chat)
{
}

void SessionCommands::help(Session *session, const Command &command)
{
    QStringList pairs;
    QString subject; // the command asked about, for IRC's 704-706
    if (command.arguments().isEmpty()) {
        for (const CommandSpec &spec : CommandTable::all())
            pairs << QString::fromLatin1(spec.usage) << QString::fromUtf8(spec.summary);
    } else {
        QString word = command.argument(0);
        if (word.startsWith(u'/'))
            word.remove(0, 1);
        const CommandSpec *spec = CommandTable::find(word);
        if (!spec)
            return m_chat.fail(session, command, ErrorCode::UnknownCommand, word);
        pairs << QString::fromLatin1(spec->usage) << QString::fromUtf8(spec->summary);
        subject = spec->name;
    }
    Event help = Event::help(pairs);
    help.subject = subject;
    session->send(help, command.label());
}

void SessionCommands::set(Session *session, const Command &command)
{
    Rendering rendering = session->rendering();
    const bool many = session->roomsMode() == Session::RoomsMode::Many;
    User *user = session->user();
    if (command.arguments().isEmpty()) {
        QStringList settings{u"time"_s,   rendering.text.timestamps ? u"on"_s : u"off"_s,
                             u"tagged"_s, rendering.tagged ? u"on"_s : u"off"_s,
                             u"lang"_s,   session->language(),
                             u"rooms"_s,  many ? u"many"_s : u"one"_s};
        if (user) // the person's, not the connection's: once logged in
            settings << u"invisible"_s << (user->isInvisible() ? u"on"_s : u"off"_s);
        session->send(Event::settings(settings), command.label());
        return;
    }
    const QString key = command.argument(0).toLower();
    const QString value = command.argument(1);
    const bool onOff = value == "on"_L1 || value == "off"_L1;
    if (key == "invisible"_L1 && onOff) {
        if (!user)
            return m_chat.fail(session, command, ErrorCode::NotLoggedIn);
        user->setInvisible(value == "on"_L1);
        session->send(Event::ok(u"set"_s, {key, value}), command.label());
        return;
    }
    if (key == "time"_L1 && onOff) {
        rendering.text.timestamps = value == "on"_L1;
    } else if (key == "tagged"_L1 && onOff) {
        rendering.tagged = value == "on"_L1;
    } else if (key == "lang"_L1 && Translations::languages().contains(value)) {
        session->setLanguage(value);
        rendering.text.translator = Translations::translator(value);
    } else if (key == "rooms"_L1 && (value == "one"_L1 || value == "many"_L1)) {
        session->setRoomsMode(value == "one"_L1 ? Session::RoomsMode::One
                                                : Session::RoomsMode::Many);
    } else {
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    }
    session->setRendering(rendering);
    session->send(Event::ok(u"set"_s, {key, value}), command.label());
    if (key == "tagged"_L1 && rendering.tagged)
        session->send(Event::welcome(m_chat.config().displayName()), command.label());
}

void SessionCommands::ping(Session *session, const Command &command)
{
    // The pong comes after everything the session's earlier lines caused, lines waiting for
    // the store included: a client can use a ping as a barrier.
    m_chat.log().afterWrites([session = QPointer<Session>(session), command] {
        if (session)
            session->send(Event::pong(command.argument(0)), command.label());
    });
}

void SessionCommands::pong(Session *, const Command &)
{
    // Any line already proves the peer is alive; a pong needs no answer.
}

void SessionCommands::away(Session *session, const Command &command)
{
    User *user = session->user();
    const QString text = command.arguments().value(0).left(Protocol::TopicMaxLength);
    const bool changed = !user->isAway() || user->awayText() != text;
    user->setAway(text);
    session->send(Event::ok(u"away"_s, {text}), command.label());
    if (changed)
        announceAway(user);
}

void SessionCommands::back(Session *session, const Command &command)
{
    User *user = session->user();
    const bool changed = user->isAway();
    user->setBack();
    session->send(Event::ok(u"back"_s, {}), command.label());
    if (changed)
        announceAway(user);
}

void SessionCommands::announceAway(const User *user)
{
    // The people in the person's rooms keep their flags right without asking again.
    const QString state = user->isAway() ? Event::AwayState : Event::HereState;
    QSet<const Endpoint *> toldIrc;
    for (Room *room : user->rooms())
        room->announcePresence(user, state, user->awayText(), &toldIrc);
}
