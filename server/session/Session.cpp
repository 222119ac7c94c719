// SPDX-License-Identifier: MIT
#include "session/Session.h"

#include "NameRules.h"
#include "Translations.h"
#include "core/RenderingCatalog.h"
#include "core/Room.h"
#include "core/User.h"
#include "net/Connection.h"
#include "net/Listener.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimerEvent>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// TAB is the only control character allowed in text; the rest could rewrite other people's
// terminals (ESC), hide text (CR) or end strings early (NUL).
bool hasControlCharacters(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\t') || (u >= 0x7f && u < 0xa0);
    });
}

FloodControl::Limits floodLimits(const ServerConfig &config)
{
    return {config.floodBurst, config.floodRate, config.floodQueueLines, config.floodQueueBytes};
}

} // namespace

Session::Session(Connection *connection, quint64 number, const ServerConfig &config,
                 ServerMetrics &metrics, Dialect dialect, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_config(config)
    , m_metrics(metrics)
    , m_number(number)
    , m_framer(dialect == Dialect::Irc ? IrcMessage::MaxClientTagBytes + IrcMessage::MaxBodyBytes
                                       : config.maxLineBytes)
    , m_flood(floodLimits(config))
    , m_held(config.maxOutputBytes)
{
    m_connection->setParent(this);
    m_connection->setKeepAlive(true);
    Rendering rendering;
    rendering.text.translator = Translations::translator(m_language);
    if (dialect == Dialect::Irc) {
        m_irc = std::make_unique<IrcDialect>(config.ircServerName(), config.serverInfo(),
                                             !config.passwordFile.isEmpty());
        rendering.irc = m_irc->options();
        m_roomsMode = RoomsMode::Many; // IRC clients are in several channels at once
    }
    m_rendering = &RenderingCatalog::intern(rendering);
    m_peer = Listener::peerText(m_connection->peerAddress(), m_connection->peerPort());
    m_clock.start();

    m_connection->setHandler(this);

    // One timer keeps the login deadline, then the ping interval and the ping deadline, and
    // decides what it meant when it fires. Qt keeps all timers in one list sorted by due time
    // and searches it to insert or stop one, so per-session timers that were stopped, restarted
    // on every line or due at different intervals cost a walk over every session's timers: with
    // 10,000 sessions that was a quarter of the server's time. This one starts due after every
    // earlier session's and is touched again only when it fires.
    m_loginDueMs = qint64(config.loginTimeoutSeconds) * 1000;
    armWatchdog(m_loginDueMs);
}

Session::~Session()
{
    // The connection is our child and goes after us: it has nobody to tell any more.
    m_connection->setHandler(nullptr);
}

qint64 Session::queuedBytes() const
{
    return m_connection->bytesToWrite() + m_held.bytes();
}

void Session::reconfigure()
{
    m_flood.setLimits(floodLimits(m_config));
    m_held.setBudget(m_config.maxOutputBytes);
    // A shorter interval must not wait for the longer one's timer; a longer one is seen when
    // the timer fires and watch() looks again.
    if ((m_rendering->tagged || m_irc) && m_state != State::Gone)
        armWatchdog(m_lastLineMs + m_config.pingIntervalSeconds * 1000);
    // A faster rate takes effect now, not when the slower one's timer fires; queued, as the
    // caller is going through every session.
    if (m_floodTimer.isActive()) {
        m_floodTimer.stop();
        QMetaObject::invokeMethod(this, &Session::takeLines, Qt::QueuedConnection);
    }
}

void Session::timerEvent(QTimerEvent *event)
{
    // Both timers are single-shot.
    if (event->timerId() == m_floodTimer.timerId()) {
        m_floodTimer.stop();
        takeLines();
    } else if (event->timerId() == m_watchdog.timerId()) {
        m_watchdog.stop();
        watch();
    } else {
        QObject::timerEvent(event);
    }
}

QHostAddress Session::peerAddress() const
{
    return Listener::plainAddress(m_connection->peerAddress());
}

QString Session::nick() const
{
    return m_user ? m_user->nick() : QString();
}

bool Session::wantsHistoryOnJoin() const
{
    return !m_irc || !m_irc->fetchesHistory();
}

void Session::attach(User *user)
{
    m_user = user;
    m_state = State::LoggedIn;
    if (m_irc) // IRC clients are pinged once they are in
        armWatchdog(m_lastLineMs + m_config.pingIntervalSeconds * 1000);
}

void Session::setRendering(const Rendering &rendering)
{
    m_rendering = &RenderingCatalog::intern(rendering);
    updateRendering();
    // Only programs are pinged: a person on telnet would see the pings.
    if (m_rendering->tagged)
        armWatchdog(m_lastLineMs + m_config.pingIntervalSeconds * 1000);
}

Session::RoomsMode Session::roomsMode() const
{
    if (m_roomsMode)
        return *m_roomsMode;
    return m_rendering->tagged ? RoomsMode::Many : RoomsMode::One;
}

void Session::setRoomsMode(RoomsMode mode)
{
    m_roomsMode = mode;
    updateRendering();
}

void Session::updateRendering()
{
    // A person in several rooms needs to see which one each line is from.
    Rendering rendering = *m_rendering;
    rendering.text.roomPrefix = !rendering.tagged && roomsMode() == RoomsMode::Many;
    m_rendering = &RenderingCatalog::intern(rendering);
}

void Session::setCurrentRoom(Room *room)
{
    m_currentRoom = room;
}

Room *Session::currentRoom() const
{
    if (!m_user)
        return nullptr;
    if (m_currentRoom && m_user->isIn(m_currentRoom))
        return m_currentRoom;
    return m_user->rooms().isEmpty() ? nullptr : m_user->rooms().last();
}

Rendering Session::replyRendering() const
{
    Rendering rendering = *m_rendering;
    if (m_irc)
        rendering.irc.me = m_user ? m_user->nick() : u"*"_s;
    return rendering;
}

QByteArray Session::renderReply(const Event &event, bool actor)
{
    if (!m_irc) {
        // One's own line in a room one is not in (said from outside, RoomModes) names the
        // room, also to a reader of one room at a time, whose lines otherwise do not.
        if (actor && event.isRoomLine() && !m_rendering->tagged && !m_rendering->text.roomPrefix &&
            m_user &&
            std::none_of(m_user->rooms().cbegin(), m_user->rooms().cend(),
                         [&event](const Room *room) { return room->name() == event.room; })) {
            Rendering rendering = *m_rendering;
            rendering.text.roomPrefix = true;
            return rendering.forActor(actor).render(event);
        }
        return m_rendering->forActor(actor).render(event);
    }
    const IrcDialect::Reaction reaction = m_irc->react(event, nick());
    if (!reaction.command.isEmpty()) {
        // Queued: the processor is in the middle of a command.
        m_pendingCommands.prepend({reaction.command, {}});
        QMetaObject::invokeMethod(this, &Session::takeLines, Qt::QueuedConnection);
    }
    m_ircHoldNext = reaction.holdAfter;
    return reaction.replace ? reaction.bytes : replyRendering().forActor(actor).render(event);
}

void Session::send(Event event, const QString &label, bool actor)
{
    if (m_irc && event.kind == Event::Kind::Pong && LabelledResponses::isBarrierLabel(label))
        return responsesDone();
    // IRC shows a message (or TAGMSG) to oneself as one received, ahead of the answer to the
    // command (the echo, with echo-message); the text and tagged renderings show the sender's
    // copy alone.
    const bool toOnePerson =
        event.isPrivateLine() || (event.kind == Event::Kind::TagMessage && event.room.isEmpty());
    if (m_irc && actor && toOnePerson && m_user && NameRules::same(event.target, m_user->nick()))
        sendRendered(renderReply(event, false));
    event.label = label;
    QByteArray bytes = renderReply(event, actor);
    if (std::exchange(m_ircHoldNext, false)) {
        sendRendered(bytes);
        m_ircHolding = true;
        return;
    }
    if (!label.isEmpty())
        bytes = answering(bytes, true);
    if (bytes.isEmpty())
        return;
    if (event.isPrivateLine())
        ++m_metrics.messagesDelivered;
    if (m_paused && event.isPrivateLine())
        hold(bytes, {0, 0, event.id});
    else
        sendRendered(bytes);
}

void Session::sendLine(const QByteArray &line, qint64 roomId, quint64 seq, LineFor lineFor)
{
    if (lineFor == LineFor::Readers)
        return sendLines(line, roomId, seq, 1);
    ++m_metrics.messagesDelivered;
    // Only a reply is copied: a broadcast runs this for every member, with the same bytes.
    const bool reply = lineFor == LineFor::Reply;
    QByteArray answer;
    if (reply)
        answer = answering(line, true);
    const QByteArray &bytes = reply ? answer : line;
    if (bytes.isEmpty())
        return;
    if (m_paused)
        hold(bytes, {roomId, seq, 0});
    else
        write(bytes, false);
}

void Session::sendLines(const QByteArray &bytes, qint64 roomId, quint64 firstSeq, qsizetype lines)
{
    m_metrics.messagesDelivered += lines;
    if (bytes.isEmpty())
        return;
    // Held as one: let go, the catch-up reads them all again from the first.
    if (m_paused)
        hold(bytes, {roomId, firstSeq, 0});
    else
        write(bytes, true);
}

QByteArray Session::answering(const QByteArray &bytes, bool mayKeep)
{
    return m_labels ? m_labels->answering(bytes, mayKeep, m_paused) : bytes;
}

void Session::hold(const QByteArray &bytes, const HeldOutput::Origin &origin)
{
    if (m_state == State::Gone || m_outputOverflow)
        return;
    if (!m_held.hold(bytes, origin, m_connection->bytesToWrite()))
        overflow();
}

bool Session::chargeHeld(qint64 bytes)
{
    if (!isWritable())
        return false;
    if (m_held.charge(bytes, m_connection->bytesToWrite()))
        return true;
    overflow();
    return false;
}

void Session::sendRendered(const QByteArray &bytes)
{
    write(bytes, false);
}

void Session::write(const QByteArray &bytes, bool shared)
{
    if (m_state == State::Gone || m_outputOverflow)
        return;
    if (m_ircHolding)
        return holdForIrc(bytes);
    if (m_paused)
        return hold(bytes, {});
    if (m_labels)
        m_labels->openIfKept(); // what comes now must not overtake the response's first line
    if (m_connection->bytesToWrite() + bytes.size() > m_config.maxOutputBytes) {
        // Queued bytes reach the kernel only between events, so a busy moment can queue a lot
        // for a healthy reader: give the kernel what it takes now before judging.
        m_connection->flush();
        if (m_connection->bytesToWrite() + bytes.size() > m_config.maxOutputBytes)
            return overflow();
    }
    m_metrics.bytesSent += bytes.size();
    if (shared)
        m_connection->writeShared(bytes, m_rendering);
    else
        m_connection->write(bytes);
}

void Session::holdForIrc(const QByteArray &bytes)
{
    m_ircHeld += bytes;
    if (m_ircHeld.size() > m_config.maxOutputBytes)
        overflow();
}

void Session::overflow()
{
    // A reader this far behind cannot take a goodbye either. Close later: this may run in
    // the middle of a room's broadcast, which must not see its member list change.
    m_outputOverflow = true;
    m_held.clear();
    QMetaObject::invokeMethod(
        this,
        [this] {
            finish(u"output queue full"_s);
            m_connection->abort();
        },
        Qt::QueuedConnection);
}

void Session::pauseOutput()
{
    if (m_labels)
        m_labels->openIfKept(); // the rest of the response may come from the paced writer
    m_paused = true;
}

void Session::resumeOutput()
{
    const QList<QByteArray> waiting = takePaused();
    m_paused = false;
    for (const QByteArray &bytes : waiting) {
        m_held.released(bytes.size());
        sendRendered(bytes);
    }
    if (m_labels && m_labels->takeStepOnResume())
        QMetaObject::invokeMethod(this, &Session::stepLabelled, Qt::QueuedConnection);
}

bool Session::writePaced(const QByteArray &piece, bool reply)
{
    if (m_state == State::Gone || m_outputOverflow)
        return true; // nothing will be read: the writer may as well finish
    const QByteArray bytes = reply ? answering(piece, false) : piece;
    if (m_ircHolding) {
        holdForIrc(bytes);
        return true;
    }
    m_metrics.bytesSent += bytes.size();
    m_connection->write(bytes);
    // Half the cap: the other half is for what waits meanwhile (see sendRendered).
    const qint64 enough = m_config.maxOutputBytes / 2;
    if (m_connection->bytesToWrite() < enough)
        return true;
    m_connection->flush();
    if (m_connection->bytesToWrite() < enough)
        return true;
    m_connection->notifyWhenBelow(enough / 2);
    return false;
}

void Session::close(const QString &reason)
{
    if (m_state == State::Gone)
        return;
    finish(reason);
    // A peer that never reads would keep the connection open for ever; give it time to take
    // the goodbye, then let go.
    m_connection->close(CloseGraceMs);
}

void Session::closeWithBye(const QString &reason)
{
    send(Event::bye(reason));
    close(reason);
}

bool Session::isOtherProtocol(QByteArrayView bytes, bool firstLine) const
{
    // A TLS ClientHello starts with a handshake record: 0x16, then version 3.x.
    if (!firstLine)
        return bytes.size() >= 2 && bytes[0] == '\x16' && bytes[1] == '\x03';
    static const QRegularExpression http(
        u"^(GET|HEAD|POST|PUT|DELETE|OPTIONS|CONNECT|PATCH|TRACE|PRI) \\S+ HTTP/\\d"_s);
    return http.match(QString::fromLatin1(bytes)).hasMatch();
}

void Session::connectionReceived(QByteArrayView data)
{
    if (m_state == State::Gone)
        return;
    m_metrics.bytesReceived += data.size();
    if (!m_sawBytes && isOtherProtocol(data, false)) {
        send(Event::error(ErrorCode::BadInput, {}, u"protocol"_s));
        close(u"not the chat protocol"_s);
        return;
    }
    m_sawBytes = true;
    QByteArray reply;
    const QByteArray text = m_irc ? data.toByteArray() : m_telnet.filter(data, reply);
    if (!reply.isEmpty())
        sendRendered(reply); // capped like any output: a peer could send commands and never read
    for (const LineFramer::Frame &frame : m_framer.push(text)) {
        if (frame.tooLong) {
            send(Event::error(
                ErrorCode::LineTooLong, {},
                QString::number(m_irc ? IrcMessage::MaxBodyBytes : m_framer.maxLineBytes())));
        } else if (!frame.line.trimmed().isEmpty() &&
                   !m_flood.offer(frame.line, m_clock.elapsed())) {
            closeWithBye(u"flood"_s);
            return;
        }
    }
    takeLines();
}

void Session::pauseInput()
{
    m_inputPaused = true;
}

void Session::resumeInput()
{
    if (!m_inputPaused)
        return;
    m_inputPaused = false;
    // Queued: the caller may be in the middle of handling something else.
    QMetaObject::invokeMethod(this, &Session::takeLines, Qt::QueuedConnection);
}

void Session::takeLines()
{
    for (;;) {
        // What an IRC line was translated into goes before the next line.
        if (!runPending())
            return;
        if (m_labels && m_labels->isActive())
            return; // stepLabelled() reads on once the labelled line is answered
        const QByteArray line = m_flood.take(m_clock.elapsed());
        if (line.isNull())
            break;
        handleLine(line);
    }
    const qint64 wait = m_flood.msUntilNext(m_clock.elapsed());
    if (wait >= 0 && !m_floodTimer.isActive())
        m_floodTimer.start(int(wait), this);
}

void Session::handleLine(const QByteArray &line)
{
    const bool firstLine = m_linesHandled++ == 0;
    ++m_metrics.linesReceived;
    m_lastLineMs = m_clock.elapsed();
    if (firstLine && isOtherProtocol(line, true)) {
        send(Event::error(ErrorCode::BadInput, {}, u"protocol"_s));
        close(u"not the chat protocol"_s);
        return;
    }
    if (m_irc)
        return handleIrcLine(line);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(line);
    if (decoder.hasError()) {
        send(Event::error(ErrorCode::BadInput, {}, u"utf8"_s));
        return;
    }
    if (hasControlCharacters(text)) {
        send(Event::error(ErrorCode::BadInput, {}, u"control"_s));
        return;
    }
    const Command command = Command::parse(text, m_rendering->tagged);
    if (!command.isValid()) {
        send(Event::error(command.error(), command.word(), command.errorSubject()),
             command.label());
        return;
    }
    if (m_handler)
        m_handler->commandReceived(this, command);
}

void Session::handleIrcLine(const QByteArray &line)
{
    const QString label = m_irc->label(line);
    if (label.isEmpty())
        return answerIrcLine(line);
    // Made at the first labelled line: most clients never label one, and every line written
    // to a session asks its labels first.
    if (!m_labels)
        m_labels = std::make_unique<LabelledResponses>(
            m_config, [this](const QByteArray &bytes) { writeNow(bytes); });
    m_labels->begin(label, line);
    awaitResponses();
}

void Session::answerIrcLine(const QByteArray &line)
{
    QStringList rooms;
    if (m_user) {
        for (const Room *room : m_user->rooms())
            rooms << room->name();
    }
    const IrcDialect::Input input = m_irc->handle(line, nick(), rooms);
    // The dialect's own replies during registration (CAP, PONG, the welcome) are never held;
    // what the chat sent meanwhile follows the welcome.
    const bool holding = std::exchange(m_ircHolding, false);
    const QByteArray replies = answering(input.replies, true);
    if (!replies.isEmpty())
        sendRendered(replies);
    if (input.release) {
        // A SASL login may come before USER: the person has the names USER gave from now on.
        if (m_user)
            m_user->setNames(userName(), realName());
        sendRendered(std::exchange(m_ircHeld, {}));
    } else
        m_ircHolding = holding;
    if (input.optionsChanged) {
        Rendering rendering = *m_rendering;
        rendering.irc = m_irc->options();
        m_rendering = &RenderingCatalog::intern(rendering);
    }
    for (const QString &command : input.commands)
        m_pendingCommands.append({command, input.clientTags});
    runPending();
    if (input.quit)
        close(u"quit"_s);
}

// IRCv3 labeled-response: LabelledResponses says where a response begins and ends (the chat's
// ping is the barrier) and which output is part of it.
void Session::awaitResponses()
{
    m_pendingCommands.append({LabelledResponses::BarrierCommand, {}});
    runPending();
}

void Session::responsesDone()
{
    // Queued: this runs inside a command, or inside the paced writer's loop; when output is
    // paused, resumeOutput() steps.
    if (m_labels->barrierReached(m_paused))
        QMetaObject::invokeMethod(this, &Session::stepLabelled, Qt::QueuedConnection);
}

void Session::stepLabelled()
{
    if (m_state == State::Gone)
        return;
    const LabelledResponses::Step step = m_labels->step();
    if (step.kind == LabelledResponses::Step::Kind::Answer) {
        answerIrcLine(step.bytes);
        if (m_state != State::Gone)
            awaitResponses();
    } else if (step.kind == LabelledResponses::Step::Kind::Finish) {
        sendRendered(step.bytes);
        takeLines();
    }
}

void Session::writeNow(const QByteArray &bytes)
{
    if (bytes.isEmpty() || m_state == State::Gone || m_outputOverflow)
        return;
    m_metrics.bytesSent += bytes.size();
    m_connection->write(bytes);
}

bool Session::runPending()
{
    while (!m_pendingCommands.isEmpty()) {
        if (m_state == State::Gone || m_inputPaused)
            return false;
        const PendingCommand next = m_pendingCommands.takeFirst();
        run(next.line, next.clientTags);
    }
    return m_state != State::Gone && !m_inputPaused;
}

void Session::run(const QString &line, const QString &clientTags)
{
    if (m_state == State::Gone)
        return;
    Command command = Command::parse(line, true);
    command.setClientTags(clientTags);
    if (!command.isValid()) {
        send(Event::error(command.error(), command.word(), command.errorSubject()),
             command.label());
        return;
    }
    if (m_handler)
        m_handler->commandReceived(this, command);
}

void Session::watch()
{
    if (m_state == State::Gone)
        return;
    const qint64 now = m_clock.elapsed();
    if (m_state == State::LoggingIn && now >= m_loginDueMs) {
        closeWithBye(u"login-timeout"_s);
        return;
    }
    if (m_stallDueMs >= 0 && now >= m_stallDueMs) {
        // As with a full queue: a reader that takes nothing cannot take a goodbye either.
        finish(u"output stalled"_s);
        m_connection->abort();
        return;
    }
    qint64 next = m_state == State::LoggingIn ? m_loginDueMs : -1;
    const auto until = [&next](qint64 due) { next = next < 0 ? due : std::min(next, due); };
    if (m_stallDueMs >= 0)
        until(m_stallDueMs);
    if (m_rendering->tagged || m_irc) { // people on telnet are never pinged: they would see it
        const qint64 intervalMs = m_config.pingIntervalSeconds * 1000;
        const qint64 timeoutMs = m_config.pingTimeoutSeconds * 1000;
        if (m_pingSentMs >= 0 && m_lastLineMs < m_pingSentMs) {
            if (now >= m_pingSentMs + timeoutMs) {
                closeWithBye(u"ping-timeout"_s);
                return;
            }
            until(m_pingSentMs + timeoutMs);
        } else if (now - m_lastLineMs >= intervalMs) {
            send(Event::ping(QString::number(now)));
            m_pingSentMs = now;
            until(now + timeoutMs);
        } else {
            until(m_lastLineMs + intervalMs);
        }
    }
    if (next >= 0)
        armWatchdog(next);
}

void Session::armWatchdog(qint64 dueMs)
{
    if (m_watchdog.isActive() && m_watchdogDueMs <= dueMs)
        return;
    m_watchdogDueMs = dueMs;
    m_watchdog.start(int(std::max<qint64>(0, dueMs - m_clock.elapsed())), this);
}

void Session::finish(const QString &reason)
{
    if (m_state == State::Gone)
        return;
    m_state = State::Gone;
    ++m_metrics.disconnects[std::size_t(ServerMetrics::disconnectFor(reason))];
    m_floodTimer.stop();
    m_watchdog.stop();
    // Told once; nothing the session still reads afterwards is run.
    if (SessionHandler *handler = std::exchange(m_handler, nullptr))
        handler->sessionClosed(this, reason);
    // A connection still sending its last lines is deleted with us once it has ended.
    if (m_connection->isClosed())
        deleteLater();
}

void Session::whenDrained(std::function<void()> resume)
{
    m_whenDrained = std::move(resume);
    m_stallDueMs = m_clock.elapsed() + m_config.stallTimeoutSeconds * 1000;
    armWatchdog(m_stallDueMs);
}

void Session::connectionDrained()
{
    m_stallDueMs = -1;
    if (std::function<void()> resume = std::exchange(m_whenDrained, nullptr))
        resume();
}

void Session::connectionFailed(const QString &message)
{
    finish(message);
}

void Session::connectionEnded()
{
    if (m_state == State::Gone)
        deleteLater();
    else
        finish(u"lost"_s);
}
