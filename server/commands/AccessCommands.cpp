// SPDX-License-Identifier: MIT
#include "commands/AccessCommands.h"

#include "NameRules.h"
#include "commands/AccountCommands.h"
#include "commands/ChatContext.h"
#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "security/Lookalikes.h"
#include "session/Session.h"

#include <QPointer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// The subject of a 433: the name asked for when it is the same name as one in use, the name in
// use when it only looks like it ("аlice" asked, "alice" taken), so that the reply says who.
QString takenName(const QString &asked, const User *holder)
{
    return NameRules::same(asked, holder->nick()) ? asked : holder->nick();
}

} // namespace

AccessCommands::Positions AccessCommands::parsePositions(const QStringList &arguments,
                                                         qsizetype maxCount)
{
    Positions positions;
    if (arguments.size() > maxCount) {
        positions.valid = false;
        return positions;
    }
    for (const QString &argument : arguments) {
        const qsizetype colon = argument.lastIndexOf(u':');
        bool ok = false;
        const quint64 number = colon > 0 ? argument.sliced(colon + 1).toULongLong(&ok) : 0;
        const QString name = argument.first(std::max<qsizetype>(colon, 0));
        ok = ok && !argument.sliced(colon + 1).startsWith(u'+');
        if (ok && name == "@"_L1) {
            positions.privateId = number;
        } else if (ok && NameRules::isValidRoom(name.startsWith(u'#') ? name.sliced(1) : name)) {
            positions.rooms.insert(NameRules::key(name.startsWith(u'#') ? name.sliced(1) : name),
                                   number);
        } else {
            positions.valid = false;
            return positions;
        }
    }
    return positions;
}

AccessCommands::AccessCommands(ChatContext &chat, AccountCommands &accounts)
    : m_chat(chat)
    , m_accounts(accounts)
{
}

void AccessCommands::pass(Session *session, const Command &command)
{
    PasswordGate &passwords = m_chat.passwords();
    if (passwords.hasPassed(session)) {
        session->send(Event::ok(u"pass"_s, {}), command.label());
        return;
    }
    // The lines after it (a client sends PASS, NICK and USER at once) wait for the verdict,
    // which comes from the hashing thread.
    session->pauseInput();
    passwords.check(
        session, command.argument(0),
        [session, label = command.label()](PasswordGate::Verdict verdict) {
            session->resumeInput();
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

void AccessCommands::login(Session *session, const Command &command)
{
    if (!m_chat.passwords().hasPassed(session))
        return m_chat.fail(session, command, ErrorCode::PasswordMismatch, u"required"_s);
    const QString nick = NameRules::normalized(command.argument(0));
    if (!NameRules::isValidNick(nick) || Lookalikes::isDeceptive(nick))
        return m_chat.fail(session, command, ErrorCode::BadNick, nick);
    if (const User *holder = m_chat.directory().holderOf(nick))
        return m_chat.fail(session, command, ErrorCode::NickInUse, takenName(nick, holder));
    if (const StoredAccount *account = m_chat.accounts().like(nick)) {
        // A look-alike of a registered name is taken even while its owner is away.
        if (account->key != NameRules::key(nick))
            return m_chat.fail(session, command, ErrorCode::NickInUse, account->name);
        return m_accounts.logIn(session, command, nick);
    }
    // Only a registered name takes a password: otherwise the words are one name with a space
    // in it, as someone on telnet meant them.
    if (command.arguments().size() > 1)
        return m_chat.fail(session, command, ErrorCode::BadNick,
                           NameRules::normalized(command.arguments().join(u' ')));
    m_chat.names().claim(session, nick, [this, session, command, nick](ErrorCode refusal) {
        if (session->state() != Session::State::LoggingIn)
            return; // logged in by an earlier line meanwhile: that person keeps the name
        if (refusal != ErrorCode::None)
            return m_chat.fail(session, command, refusal,
                               refusal == ErrorCode::NickInUse ? nick : QString());
        // Another connection here took it while the cluster was asked.
        if (const User *holder = m_chat.directory().holderOf(nick))
            return m_chat.fail(session, command, ErrorCode::NickInUse, takenName(nick, holder));
        m_chat.logIn(session, nick, {}, command.label());
    });
}

void AccessCommands::resume(Session *session, const Command &command)
{
    if (!m_chat.passwords().hasPassed(session))
        return m_chat.fail(session, command, ErrorCode::PasswordMismatch, u"required"_s);
    const QStringList arguments = command.arguments();
    if (arguments.isEmpty())
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    const Positions positions =
        parsePositions(arguments.mid(1), m_chat.config().maxRoomsPerSession + 1);
    if (!positions.valid)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    const QString token = arguments.first();
    if (User *user = m_chat.tokens().find(token))
        return resumeAs(session, command, user, positions);
    if (!ResumeTokens::isWellFormed(token) || !m_chat.handover().isOn())
        return wrongToken(session, command);
    // Perhaps another node's: its person comes here, and the session's later lines wait.
    session->pauseInput();
    m_chat.handover().ask(
        token, [this, alive = QPointer<Session>(session), command, positions](User *user) {
            const bool waiting = alive && alive->state() == Session::State::LoggingIn;
            if (waiting)
                alive->resumeInput();
            if (!user) {
                if (waiting)
                    wrongToken(alive, command);
                return;
            }
            if (!waiting) {
                // Gone while the person came: their place is held here, as after any drop.
                m_chat.holdPlace(user, m_chat.config().resumeGraceSeconds * 1000);
                return;
            }
            resumeAs(alive, command, user, positions);
        });
}

void AccessCommands::wrongToken(Session *session, const Command &command)
{
    qCInfo(lcServer, "#%llu gave a wrong resume token", session->number());
    m_chat.fail(session, command, ErrorCode::BadResumeToken);
    if (++m_wrongTokens[session] >= MaxWrongTokens)
        session->closeWithBye(u"resume"_s);
}

void AccessCommands::resumeAs(Session *session, const Command &command, User *user,
                              const Positions &positions)
{
    m_wrongTokens.remove(session);
    const QString token = command.arguments().first();
    const bool wasReconnecting = user->isReconnecting();
    // A connection the server still thinks alive (Wi-Fi changed, a laptop woke) is replaced.
    const QList<Session *> old = m_chat.sessionsOf(user);
    user->attach(session);
    session->attach(user);
    for (Session *stale : old) {
        user->detach(stale);
        stale->closeWithBye(u"resumed"_s);
    }
    qCInfo(lcServer, "#%llu resumed %s", session->number(), qUtf8Printable(user->nick()));
    ++m_chat.metrics().resumes;
    session->send(Event::ok(u"resume"_s, m_chat.loginDetails(user, token)), command.label());
    if (wasReconnecting) {
        for (Room *room : user->rooms())
            room->announcePresence(user, u"back"_s);
    }

    // Each room's state, then what was missed in each, then private messages, then live.
    for (Room *room : user->rooms()) {
        session->send(Event::join(room->name(), user->nick()), command.label(), true);
        m_chat.sendRoomState(session, room, command.label());
    }
    const int limit = m_chat.config().resumeReplayLimit;
    for (Room *room : user->rooms()) {
        HistoryRequest request;
        request.roomId = room->id();
        request.direction = HistoryRequest::Direction::After;
        request.anchor =
            positions.rooms.value(NameRules::key(room->name()),
                                  wasReconnecting ? user->seqAtDrop(room) : room->lastSeq());
        request.upTo = room->lastSeq();
        request.limit = limit;
        m_chat.stream(
            session,
            {request, room->name(), {}, u"resume"_s, command.label(), true, false, {}, {}});
    }
    HistoryRequest privates;
    privates.person = user->personId();
    privates.direction = HistoryRequest::Direction::After;
    privates.anchor = positions.privateId.value_or(wasReconnecting ? user->privateIdAtDrop()
                                                                   : m_chat.log().lastPrivateId());
    privates.upTo = m_chat.log().lastPrivateId();
    privates.limit = limit;
    m_chat.stream(session, {privates, {}, {}, u"resume"_s, command.label(), true, false, {}, {}});
}

void AccessCommands::logout(Session *session, const Command &command)
{
    session->setFarewell(command.argument(0).trimmed());
    session->send(Event::bye(u"logout"_s), command.label());
    session->close(u"logout"_s);
}

void AccessCommands::nick(Session *session, const Command &command)
{
    const QString newNick = NameRules::normalized(command.argument(0));
    if (!NameRules::isValidNick(newNick) || Lookalikes::isDeceptive(newNick))
        return m_chat.fail(session, command, ErrorCode::BadNick, newNick);
    User *user = session->user();
    // The name they have, spelt the same: nothing changes and nobody is told.
    if (newNick == user->nick())
        return session->send(Event::ok(u"nick"_s, {newNick}), command.label());
    const User *owner = m_chat.directory().holderOf(newNick);
    if (owner && owner != user)
        return m_chat.fail(session, command, ErrorCode::NickInUse, takenName(newNick, owner));
    // A registered name (or its look-alike) is its account's alone.
    const StoredAccount *account = m_chat.accounts().like(newNick);
    if (account && account->key != user->account())
        return m_chat.fail(session, command, ErrorCode::NickInUse, account->name);
    m_chat.names().claim(session, newNick, [this, session, command, newNick](ErrorCode refusal) {
        if (session->state() != Session::State::LoggedIn)
            return;
        if (refusal != ErrorCode::None)
            return m_chat.fail(session, command, refusal,
                               refusal == ErrorCode::NickInUse ? newNick : QString());
        rename(session, command, newNick);
    });
}

void AccessCommands::rename(Session *session, const Command &command, const QString &newNick)
{
    User *user = session->user();
    // Taken here while the cluster was asked.
    const User *owner = m_chat.directory().holderOf(newNick);
    if (owner && owner != user)
        return m_chat.fail(session, command, ErrorCode::NickInUse, takenName(newNick, owner));
    const QString oldNick = user->nick();
    m_chat.departures().record(*user, Event::NickDeparture, QDateTime::currentDateTimeUtc(),
                               newNick);
    m_chat.directory().releaseNick(oldNick);
    m_chat.directory().claimNick(newNick, user);
    user->setNick(newNick);
    // A new spelling of the same name keeps its claim.
    if (NameRules::key(oldNick) != NameRules::key(newNick))
        m_chat.names().release(oldNick);
    qCInfo(lcServer, "%s is now known as %s", qUtf8Printable(oldNick), qUtf8Printable(newNick));
    // Everyone who shares a room with the person hears it once, however many rooms they share.
    const Event event = Event::nickChange(oldNick, newNick);
    QSet<const User *> told{user};
    user->send(event, session, command.label(), true);
    for (const Room *room : user->rooms()) {
        for (User *member : room->members()) {
            if (!told.contains(member)) {
                told.insert(member);
                member->send(event);
            }
        }
    }
}
