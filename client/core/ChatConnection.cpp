// SPDX-License-Identifier: MIT
#include "ChatConnection.h"

#include "Command.h"
#include "KnownCertificates.h"
#include "NameRules.h"
#include "Protocol.h"
#include "RoomState.h"
#include "TaggedCodec.h"

#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace {

ChatConnection::Failure failureFor(QAbstractSocket::SocketError error)
{
    using F = ChatConnection::Failure;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return F::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError:
        return F::HostNotFound;
    case QAbstractSocket::SocketTimeoutError:
        return F::Timeout;
    case QAbstractSocket::RemoteHostClosedError:
        return F::ServerClosed;
    default:
        return F::NetworkError;
    }
}

ChatConnection::Failure failureFor(ErrorCode code, const QString &subject)
{
    switch (code) {
    case ErrorCode::PasswordMismatch:
        return subject == "wrong"_L1 ? ChatConnection::Failure::WrongPassword
                                     : ChatConnection::Failure::PasswordRequired;
    case ErrorCode::NickInUse:
        return ChatConnection::Failure::NickInUse;
    case ErrorCode::BadNick:
        return ChatConnection::Failure::BadNick;
    case ErrorCode::NickRegistered:
        return ChatConnection::Failure::NickRegistered;
    case ErrorCode::AccountPasswordWrong:
        return ChatConnection::Failure::AccountPasswordWrong;
    default:
        return ChatConnection::Failure::LoginRefused;
    }
}

} // namespace

ChatConnection::ChatConnection(QObject *parent)
    : QObject(parent)
    , m_socket(new QSslSocket(this))
    , m_guard(new CertificateGuard(m_socket, this))
{
    connect(&m_rooms, &JoinedRooms::entered, this, &ChatConnection::roomEntered);
    connect(&m_rooms, &JoinedRooms::left, this, &ChatConnection::roomLeft);
    connect(&m_rooms, &JoinedRooms::topicChanged, this, &ChatConnection::roomTopicChanged);
    connect(&m_rooms, &JoinedRooms::usersChanged, this, &ChatConnection::roomUsersChanged);
    connect(&m_rooms, &JoinedRooms::flagsChanged, this, &ChatConnection::roomFlagsChanged);
    connect(&m_rooms, &JoinedRooms::rulesChanged, this, &ChatConnection::roomRulesChanged);
    connect(&m_rooms, &JoinedRooms::currentChanged, this, &ChatConnection::roomChanged);
    m_timeout.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { connectionEnded(Failure::Timeout); });
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        setState(State::Reconnecting);
        startAttempt();
    });
    const auto greet = [this] {
        emit connected();
        // Tagged mode also means `rooms many`: joining a room adds it to the ones we are in.
        send(u"set tagged on"_s);
    };
    connect(m_socket, &QSslSocket::connected, this, [this, greet] {
        if (!m_tls)
            greet();
    });
    connect(m_socket, &QSslSocket::encrypted, this, greet);
    connect(m_socket, &QSslSocket::readyRead, this, &ChatConnection::readSocket);
    connect(m_socket, &QSslSocket::errorOccurred, this, &ChatConnection::socketError);
    connect(m_socket, &QSslSocket::disconnected, this,
            [this] { connectionEnded(Failure::ServerClosed); });
}

QString ChatConnection::topic() const
{
    const RoomState *state = m_rooms.room(m_rooms.current());
    return state ? state->topic() : QString();
}

QStringList ChatConnection::users() const
{
    const RoomState *state = m_rooms.room(m_rooms.current());
    return state ? state->users() : QStringList();
}

qsizetype ChatConnection::userCount() const
{
    const RoomState *state = m_rooms.room(m_rooms.current());
    return state ? state->userCount() : 0;
}

void ChatConnection::followCurrent()
{
    if (const QString topic = this->topic(); topic != m_shownTopic) {
        m_shownTopic = topic;
        emit topicChanged(topic);
    }
    if (const QStringList users = this->users(); users != m_shownUsers) {
        m_shownUsers = users;
        emit usersChanged(users);
    }
    if (const qsizetype count = userCount(); count != m_shownUserCount) {
        m_shownUserCount = count;
        emit userCountChanged(count);
    }
}

bool ChatConnection::isSelf(const QString &nick) const
{
    return NameRules::same(nick, m_nick);
}

bool ChatConnection::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void ChatConnection::approveCertificate(const QString &hostPort, const QByteArray &fingerprint)
{
    KnownCertificates().remember(hostPort, fingerprint);
    if (m_state == State::Disconnected && hostPort == m_address.toString())
        logIn(m_address, m_nick);
}

void ChatConnection::forgetCertificate(const QString &hostPort)
{
    KnownCertificates().forget(hostPort);
}

void ChatConnection::logIn(const ServerAddress &address, const QString &nick)
{
    if (m_state != State::Disconnected)
        return;
    m_address = address;
    m_nick = nick;
    emit nickChanged(m_nick);
    m_rooms.clear();
    followCurrent();
    m_rejoinRooms.clear();
    m_rejoinCurrent.clear();
    m_rejoinPending.clear();
    m_rejoinLabels.clear();
    m_resumeToken.clear();
    m_resumed = false;
    m_lastSeq.clear();
    m_lastPrivateId = 0;
    m_gapRooms.clear();
    m_backoff.reset();
    setState(State::Connecting);
    startAttempt();
}

void ChatConnection::logOut()
{
    if (m_state == State::LoggedIn) {
        // The server answers with bye and closes; the timeout covers one that never does.
        m_loggingOut = true;
        send(u"logout"_s);
        m_timeout.start(m_timeoutMs);
    } else if (m_state != State::Disconnected) {
        finish(Failure::None);
    }
}

void ChatConnection::sendLine(const QString &line, const QString &room)
{
    QString text = line;
    text.replace(u'\r', u' ').replace(u'\n', u' ');
    if (m_state != State::LoggedIn || text.trimmed().isEmpty())
        return;
    if (!text.startsWith(u'/')) {
        // Without the slash the server would run "join me" as a command; people mean to say it.
        say(room, text);
        return;
    }
    const Command command = Command::parse(text, false);
    if (command.isValid() && command.type() == CommandType::Logout) {
        logOut();
        return;
    }
    if (command.isValid() &&
        (command.type() == CommandType::Join || command.type() == CommandType::Create)) {
        sendEnter(text, command.argument(0));
        return;
    }
    if (command.isValid() && command.type() == CommandType::Set &&
        command.argument(0).compare("tagged"_L1, Qt::CaseInsensitive) == 0) {
        emit lineRefused(text);
        return;
    }
    sendLabelled(text);
}

void ChatConnection::say(const QString &room, const QString &text)
{
    if (m_state != State::LoggedIn || text.trimmed().isEmpty())
        return;
    // "say #room text" names the room, so that a switch on its way changes nothing.
    sendLabelled(room.isEmpty() ? u"say "_s + text : u"say #%1 %2"_s.arg(room, text));
}

void ChatConnection::act(const QString &room, const QString &text)
{
    if (m_state != State::LoggedIn || text.trimmed().isEmpty())
        return;
    sendLabelled(room.isEmpty() ? u"me "_s + text : u"me #%1 %2"_s.arg(room, text));
}

void ChatConnection::sendPrivate(const QString &nick, const QString &text)
{
    if (m_state == State::LoggedIn && !text.trimmed().isEmpty())
        sendLabelled(u"msg %1 %2"_s.arg(nick, text));
}

void ChatConnection::listRooms()
{
    if (m_state == State::LoggedIn)
        sendLabelled(u"list"_s);
}

void ChatConnection::createRoom(const QString &name)
{
    if (m_state == State::LoggedIn)
        sendEnter(u"create "_s + name.trimmed(), name.trimmed());
}

void ChatConnection::joinRoom(const QString &name)
{
    if (m_state == State::LoggedIn)
        sendEnter(u"join "_s + name.trimmed(), name.trimmed());
}

void ChatConnection::sendEnter(const QString &command, const QString &room)
{
    const QString label = sendLabelled(command);
    m_enterLabels.insert(label, room.startsWith(u'#') ? room.sliced(1) : room);
}

void ChatConnection::leaveRoom(const QString &name)
{
    if (m_state == State::LoggedIn)
        sendLabelled(u"leave "_s + name.trimmed());
}

void ChatConnection::switchRoom(const QString &name)
{
    if (m_state != State::LoggedIn || !m_rooms.contains(name))
        return;
    // At once here, so that what is typed next goes there; the server's ok confirms it.
    m_rooms.setCurrent(name);
    followCurrent();
    sendLabelled(u"switch "_s + name);
}

void ChatConnection::requestOlder(const QString &room, const QString &peer, quint64 before,
                                  int count)
{
    if (m_state != State::LoggedIn || before <= 1)
        return;
    const QString target = peer.isEmpty() ? room : u"@"_s + peer;
    m_olderLabels.insert(
        sendLabelled(u"history %1 %2 before %3"_s.arg(target).arg(count).arg(before)));
}

void ChatConnection::lookUsers()
{
    if (m_state == State::LoggedIn)
        sendLabelled(u"look"_s);
}

MemberFlags ChatConnection::flags(const QString &room, const QString &nick) const
{
    const RoomState *state = m_rooms.room(room);
    if (!state)
        return {};
    MemberFlags flags = state->flags(nick);
    // The room's people list does not say who runs the server; our own listing did.
    if (m_administrator && isSelf(nick))
        flags.admin = true;
    return flags;
}

void ChatConnection::moderate(Moderation::Act act, const QString &room, const QString &nick,
                              const QString &duration, const QString &reason)
{
    if (m_state == State::LoggedIn)
        sendLabelled(Moderation::command(act, room, nick, duration, reason));
}

void ChatConnection::askMasks(const QString &room, MaskListKind list)
{
    if (m_state == State::LoggedIn)
        m_maskLabels.insert(sendLabelled(u"%1 #%2"_s.arg(MaskLists::listCommand(list), room)));
}

QString ChatConnection::addMask(const QString &room, MaskListKind list, const QString &mask,
                                const QString &duration, const QString &reason)
{
    if (m_state != State::LoggedIn)
        return {};
    const QString label =
        sendLabelled(list == MaskListKind::Bans
                         ? Moderation::command(Moderation::Act::Ban, room, mask, duration, reason)
                         : u"%1 #%2 %3"_s.arg(MaskLists::addCommand(list), room, mask));
    m_addMaskLabels.insert(label);
    return label;
}

void ChatConnection::removeMask(const QString &room, MaskListKind list, const QString &mask)
{
    if (m_state == State::LoggedIn)
        sendLabelled(u"%1 #%2 %3"_s.arg(MaskLists::removeCommand(list), room, mask));
}

RoomRules ChatConnection::rules(const QString &room) const
{
    const RoomState *state = m_rooms.room(room);
    return state ? state->rules() : RoomRules();
}

void ChatConnection::lookRules(const QString &room)
{
    if (m_state == State::LoggedIn)
        sendLabelled(u"look #"_s + room);
}

void ChatConnection::setRules(const QString &room, const RoomRules &wanted)
{
    if (m_state != State::LoggedIn)
        return;
    if (const QString command = rules(room).commandTo(wanted, room); !command.isEmpty())
        sendLabelled(command);
}

void ChatConnection::registerNick(const QString &password)
{
    if (m_state == State::LoggedIn)
        m_accountLabels.insert(sendLabelled(u"register "_s + password), password);
}

void ChatConnection::changePassword(const QString &oldPassword, const QString &newPassword)
{
    if (m_state == State::LoggedIn)
        m_accountLabels.insert(sendLabelled(u"password %1 %2"_s.arg(oldPassword, newPassword)),
                               newPassword);
}

void ChatConnection::unregisterNick(const QString &password)
{
    if (m_state == State::LoggedIn)
        m_accountLabels.insert(sendLabelled(u"unregister "_s + password), QString());
}

void ChatConnection::startAttempt()
{
    m_socket->abort();
    m_framer = LineFramer();
    m_loginLabel.clear();
    m_byeReason = Failure::None;
    m_loggingOut = false;
    m_historyStart.reset();
    m_historyLines.clear();
    m_listing.reset();
    m_listedRooms.clear();
    m_listedPeople.clear();
    m_enterLabels.clear();
    m_olderLabels.clear();
    m_maskLabels.clear();
    m_addMaskLabels.clear();
    m_accountLabels.clear();
    m_timeout.start(m_timeoutMs);
    m_guard->reset(m_address.toString());
    if (m_tls)
        m_socket->connectToHostEncrypted(m_address.host(), m_address.port());
    else
        m_socket->connectToHost(m_address.host(), m_address.port());
}

void ChatConnection::send(const QString &command)
{
    m_socket->write((command + u"\r\n"_s).toUtf8());
}

QString ChatConnection::sendLabelled(const QString &command)
{
    const QString label = u"c%1"_s.arg(++m_lastLabel);
    send(u"@%1 %2"_s.arg(label, command));
    return label;
}

void ChatConnection::readSocket()
{
    const QList<LineFramer::Frame> frames = m_framer.push(m_socket->readAll());
    for (const LineFramer::Frame &frame : frames) {
        if (m_state == State::Disconnected || m_state == State::WaitingToReconnect)
            return;
        if (!frame.tooLong)
            handleEvent(TaggedCodec::parse(QString::fromUtf8(frame.line)));
    }
}

quint64 ChatConnection::lastSeq(const QString &room) const
{
    return m_lastSeq.value(NameRules::key(room), 0);
}

void ChatConnection::sendLogin()
{
    if (m_state != State::Reconnecting || m_resumeToken.isEmpty()) {
        if (m_accountPassword.isEmpty()) {
            m_loginLabel = sendLabelled(u"login "_s + m_nick);
        } else {
            // One round trip; the answer may be slowed down after wrong passwords.
            m_loginLabel = sendLabelled(u"login %1 %2"_s.arg(m_nick, m_accountPassword));
            m_timeout.start(m_timeoutMs + PasswordThrottleMs);
        }
        return;
    }
    // Where we stand in every room and in private: the server replays exactly what came after.
    QString command = u"resume "_s + m_resumeToken;
    for (const QString &room : std::as_const(m_rejoinRooms))
        command += u" %1:%2"_s.arg(room).arg(lastSeq(room));
    command += u" @:%1"_s.arg(m_lastPrivateId);
    m_loginLabel = sendLabelled(command);
}

bool ChatConnection::isNew(const Event &event)
{
    if (event.isPrivateLine()) {
        if (event.id <= m_lastPrivateId)
            return false;
        m_lastPrivateId = event.id;
        return true;
    }
    quint64 &last = m_lastSeq[NameRules::key(event.room)];
    if (event.seq <= last)
        return false;
    last = event.seq;
    return true;
}

void ChatConnection::handleHistory(const Event &event)
{
    if (event.kind == Event::Kind::HistoryStart) {
        m_historyStart = event;
        m_historyLines.clear();
        return;
    }
    if (!m_historyStart)
        return;
    const QString room = m_historyStart->room;
    const QString reason = m_historyStart->subject;
    const bool older = m_olderLabels.remove(m_historyStart->label);
    const QList<Event> lines = std::exchange(m_historyLines, {});
    m_historyStart.reset();
    const bool gap = !room.isEmpty() && m_gapRooms.contains(NameRules::key(room));
    // After logging in anew, the gap is filled by our own request: the room's recent lines
    // that come with entering it would only repeat part of it, out of order.
    if (gap && reason == "join"_L1)
        return;
    HistoryBatch batch;
    batch.room = room;
    batch.peer = event.nick;
    batch.reason = older                   ? HistoryBatch::Reason::Older
                   : gap                   ? HistoryBatch::Reason::Gap
                   : reason == "resume"_L1 ? HistoryBatch::Reason::Resume
                                           : HistoryBatch::Reason::Join;
    batch.olderFrom = event.target == "before"_L1 ? event.seq : 0;
    QList<Event> fresh;
    for (const Event &line : lines) {
        // An older page is older than what we saw: it is not news, and not a position.
        if (older || isNew(line)) {
            fresh.append(line);
            batch.lines.append(lineOf(line));
        }
    }
    if (older || !batch.lines.isEmpty() || batch.olderFrom != 0)
        emit historyReceived(batch);
    if (!older) {
        if (!fresh.isEmpty())
            emit historyFollows(room, gap ? u"gap"_s : reason, int(fresh.size()));
        for (const Event &line : fresh)
            emitLine(line, isSelf(line.nick));
    }
    if (gap && reason == "request"_L1) {
        if (event.target == "after"_L1)
            sendLabelled(
                u"history %1 %2 after %3"_s.arg(room).arg(Protocol::HistoryPageMax).arg(event.seq));
        else
            m_gapRooms.remove(NameRules::key(room));
    }
}

void ChatConnection::askWhetherAdministrator()
{
    m_adminLabel = sendLabelled(u"who "_s + m_nick);
}

void ChatConnection::setAdministrator(bool administrator)
{
    if (std::exchange(m_administrator, administrator) != administrator)
        emit administratorChanged(administrator);
}

void ChatConnection::handleListing(const Event &event)
{
    if (!m_adminLabel.isEmpty() && event.label == m_adminLabel) {
        // Our own listing: not shown, only read for the administrator's flag.
        for (qsizetype i = 0; event.kind == Event::Kind::Who && i + 2 < event.list.size(); i += 3) {
            if (isSelf(event.list.at(i)))
                setAdministrator(MemberFlags::parse(event.list.at(i + 2)).admin);
        }
        if (event.kind == Event::Kind::ListingEnd)
            m_adminLabel.clear();
        return;
    }
    switch (event.kind) {
    case Event::Kind::ListingStart:
        m_listing = event;
        m_listedRooms.clear();
        m_listedPeople.clear();
        return;
    case Event::Kind::Rooms:
        for (qsizetype i = 0; i + 2 < event.list.size(); i += 3)
            m_listedRooms.append(
                {event.list.at(i), event.list.at(i + 1).toInt(), event.list.at(i + 2)});
        break;
    case Event::Kind::Who:
        for (qsizetype i = 0; i + 2 < event.list.size(); i += 3)
            m_listedPeople.append({event.list.at(i),
                                   event.list.at(i + 1).split(u',', Qt::SkipEmptyParts),
                                   MemberFlags::parse(event.list.at(i + 2)).reconnecting,
                                   MemberFlags::parse(event.list.at(i + 2)).away,
                                   MemberFlags::parse(event.list.at(i + 2)).admin});
        break;
    case Event::Kind::ListingEnd:
        if (!m_listing)
            return;
        break;
    default:
        return;
    }
    // A piece outside a listing (a server older than protocol 3) is the whole list.
    if (m_listing && event.kind != Event::Kind::ListingEnd)
        return;
    const bool rooms =
        m_listing ? m_listing->subject == Event::ListingRooms : event.kind == Event::Kind::Rooms;
    m_listing.reset();
    if (rooms)
        emit roomsChanged(std::exchange(m_listedRooms, {}));
    else
        emit whoReceived(std::exchange(m_listedPeople, {}));
}

void ChatConnection::handleEvent(const Event &event)
{
    // Until tagged mode is on, the greeting and anything else in prose parse as invalid.
    if (!event.isValid())
        return;
    const bool isLine =
        event.isRoomLine() || event.isPrivateLine() || event.kind == Event::Kind::TopicChanged;
    if (m_historyStart && isLine) {
        m_historyLines.append(event);
        return;
    }
    if (!m_loginLabel.isEmpty() && event.label == m_loginLabel) {
        handleLoginReply(event);
        return;
    }
    switch (event.kind) {
    case Event::Kind::Welcome:
        m_serverName = event.text;
        emit serverNameChanged(m_serverName);
        if (m_state == State::Connecting || m_state == State::Reconnecting) {
            // The password's answer may be slowed down: login waits for it (handleLoginReply).
            if (m_password.isEmpty())
                sendLogin();
            else
                m_loginLabel = sendLabelled(u"pass "_s + m_password);
        }
        break;
    case Event::Kind::HistoryStart:
    case Event::Kind::HistoryEnd:
        handleHistory(event);
        break;
    case Event::Kind::Error:
        if (!m_adminLabel.isEmpty() && event.label == m_adminLabel) {
            m_adminLabel.clear();
            break;
        }
        m_enterLabels.remove(event.label);
        m_olderLabels.remove(event.label);
        m_maskLabels.remove(event.label);
        if (m_addMaskLabels.remove(event.label))
            emit maskAnswered(event.label, true);
        if (m_accountLabels.remove(event.label)) {
            emit accountFailed(event.code, event.command, event.subject);
        } else if (!m_rejoinLabels.remove(event.label)) {
            emit commandFailed(event.code, event.command, event.subject);
        } else if (event.code == ErrorCode::NoSuchRoom) {
            // The server restarted and forgot the room: make it again.
            m_rejoinLabels.insert(sendLabelled(u"create "_s + event.subject));
        } else {
            // We cannot get back in: the room is no longer ours.
            m_rejoinPending.remove(NameRules::key(event.subject));
            m_rooms.apply(Event::leave(event.subject, m_nick, u"part"_s), true);
            followCurrent();
        }
        break;
    case Event::Kind::Ok:
        if (event.command == "oper"_L1) {
            askWhetherAdministrator();
        } else if (event.command == "switch"_L1) {
            m_rooms.setCurrent(event.list.value(0));
            followCurrent();
        } else if (m_accountLabels.contains(event.label)) {
            // Reconnecting after a server restart needs the account's password from now on.
            m_accountPassword = m_accountLabels.take(event.label);
            const AccountChange change = event.command == "register"_L1 ? AccountChange::Registered
                                         : event.command == "password"_L1
                                             ? AccountChange::PasswordChanged
                                             : AccountChange::Unregistered;
            emit accountChanged(change, event.list.value(0, m_nick));
            // An administrator's account may have been registered, or given up.
            askWhetherAdministrator();
        }
        break;
    case Event::Kind::Bye:
        if (event.subject == "logout"_L1)
            m_loggingOut = true;
        else if (event.subject == "shutdown"_L1)
            m_byeReason = Failure::ServerShutdown;
        else if (event.subject == "password"_L1)
            m_byeReason = Failure::TooManyPasswords;
        else
            m_byeReason = Failure::ServerClosed;
        break;
    case Event::Kind::Ping:
        send(u"pong "_s + event.subject);
        break;
    case Event::Kind::Pong:
        emit pong(event.subject);
        break;
    case Event::Kind::ListingStart:
    case Event::Kind::Rooms:
    case Event::Kind::Who:
    case Event::Kind::ListingEnd:
        handleListing(event);
        break;
    case Event::Kind::Help:
        emit helpReceived(event.list);
        break;
    case Event::Kind::Whowas:
        emit whowasReceived(event.nick, event.list);
        break;
    case Event::Kind::Settings:
        emit settingsReceived(event.list);
        break;
    case Event::Kind::Bans:
    case Event::Kind::Allowed:
    case Event::Kind::Exempted: {
        const MaskListKind list = *MaskLists::ofAnswer(event.kind);
        const qsizetype first = qsizetype(event.seq);
        if (!m_maskLabels.contains(event.label)) {
            emit masksReceived(event.room, list, first, event.count, event.list);
            break;
        }
        if (first + event.list.size() / 4 >= event.count)
            m_maskLabels.remove(event.label); // the last piece
        emit masksListed(event.room, list, first, event.count, event.list);
        break;
    }
    case Event::Kind::Modlog:
        emit modlogReceived(event.room, qsizetype(event.seq), event.count, event.list);
        break;
    case Event::Kind::Joins:
        // Several arrivals in one line: to the rest of the client, each is a join.
        for (const QString &nick : event.list) {
            Event join = Event::join(event.room, nick);
            join.time = event.time;
            handleRoomEvent(join);
        }
        break;
    default:
        handleRoomEvent(event);
        break;
    }
}

void ChatConnection::handleLoginReply(const Event &event)
{
    m_loginLabel.clear();
    if (event.kind == Event::Kind::Error && event.command == "resume"_L1 &&
        event.code != ErrorCode::PasswordMismatch) {
        // The server restarted or the grace period passed: log in anew and ask for the gap.
        m_resumeToken.clear();
        sendLogin();
        return;
    }
    if (event.kind == Event::Kind::Error) {
        m_loginError = event.code;
        m_loginErrorSubject = event.subject;
        Failure reason = failureFor(event.code, event.subject);
        // The server reads "login bob <password>" for an unregistered bob as one nickname with
        // a space in it: to the person, the password was not wanted.
        if (reason == Failure::BadNick && !m_accountPassword.isEmpty() &&
            event.subject.contains(u' ')) {
            reason = Failure::NickNotRegistered;
            m_loginErrorSubject = m_nick; // the subject holds the password too
        }
        // After a loss the server may still hold the old session's name until it notices.
        if (m_state == State::Reconnecting && reason == Failure::NickInUse)
            scheduleReconnect(reason);
        else if (m_state == State::Reconnecting)
            finish(reason);
        else
            connectionEnded(reason);
        return;
    }
    if (event.kind != Event::Kind::Ok)
        return;
    if (event.command == "pass"_L1) {
        sendLogin();
        return;
    }
    m_timeout.stop();
    m_backoff.reset();
    m_resumed = event.command == "resume"_L1;
    if (m_resumed) {
        m_rejoinRooms.clear(); // the server brings back our rooms
    } else {
        m_resumeToken = event.list.value(1);
        rejoin();
    }
    m_nick = event.list.value(0, m_nick);
    emit nickChanged(m_nick);
    setState(State::LoggedIn);
    emit loggedIn(m_nick);
    askWhetherAdministrator();
    // The server's current room after a resume is the last one entered: ours may differ.
    if (!m_rejoinCurrent.isEmpty() && m_resumed)
        switchRoom(std::exchange(m_rejoinCurrent, {}));
}

void ChatConnection::rejoin()
{
    // The server put us in the hall; the other rooms we were in are joined again, and the
    // hall left if we had left it. Each room's missed lines are asked for once we are back in
    // it (handleSelfJoin).
    const QStringList rooms = std::exchange(m_rejoinRooms, {});
    if (rooms.isEmpty())
        return;
    bool inHall = false;
    for (const QString &room : rooms) {
        m_rejoinPending.insert(NameRules::key(room));
        if (NameRules::same(room, Protocol::HallName))
            inHall = true;
        else
            m_rejoinLabels.insert(sendLabelled(u"join "_s + room));
    }
    if (!inHall)
        sendLabelled(u"leave "_s + Protocol::HallName);
}

void ChatConnection::handleSelfJoin(const QString &room)
{
    if (!m_rejoinPending.remove(NameRules::key(room)))
        return;
    // Back in the room: ask for what was said since the last line we saw.
    if (lastSeq(room) > 0) {
        m_gapRooms.insert(NameRules::key(room));
        sendLabelled(
            u"history %1 %2 after %3"_s.arg(room).arg(Protocol::HistoryPageMax).arg(lastSeq(room)));
    }
    if (m_rejoinPending.isEmpty() && !m_rejoinCurrent.isEmpty())
        switchRoom(std::exchange(m_rejoinCurrent, {}));
}

ChatLine ChatConnection::lineOf(const Event &event) const
{
    ChatLine line;
    line.time = event.time;
    line.id = event.id;
    line.seq = event.seq;
    line.room = event.room;
    line.nick = event.nick;
    line.text = event.text;
    line.own = isSelf(event.nick);
    switch (event.kind) {
    case Event::Kind::Action:
        line.kind = ChatLine::Kind::Action;
        break;
    case Event::Kind::Private:
    case Event::Kind::PrivateNote:
        line.kind = ChatLine::Kind::Private;
        line.note = event.kind == Event::Kind::PrivateNote;
        line.room.clear();
        line.peer = line.own ? event.target : event.nick;
        break;
    case Event::Kind::Note:
        line.kind = ChatLine::Kind::Message;
        line.note = true;
        break;
    case Event::Kind::TopicChanged:
        line.kind = ChatLine::Kind::Topic;
        break;
    default:
        line.kind = ChatLine::Kind::Message;
        break;
    }
    return line;
}

void ChatConnection::emitLine(const Event &event, bool self)
{
    switch (event.kind) {
    case Event::Kind::Message:
        emit message(event.time, event.nick, event.text, self);
        break;
    case Event::Kind::Action:
        emit action(event.time, event.nick, event.text, self);
        break;
    case Event::Kind::Private:
        emit privateMessage(event.time, event.nick, event.target, event.text, self);
        break;
    case Event::Kind::TopicChanged:
        emit topicSet(event.nick, event.text);
        break;
    default:
        break;
    }
}

void ChatConnection::handleRoomEvent(const Event &event)
{
    const bool self = isSelf(event.nick);
    m_rooms.apply(event, self);
    followCurrent();
    switch (event.kind) {
    case Event::Kind::Message:
    case Event::Kind::Action:
    case Event::Kind::Note:
    case Event::Kind::Private:
    case Event::Kind::PrivateNote:
    case Event::Kind::TopicChanged:
        isNew(event); // live lines are new: this notes where we stand
        emit lineReceived(lineOf(event));
        emitLine(event, self);
        break;
    case Event::Kind::Join:
        if (self) {
            m_enterLabels.remove(event.label);
            m_rejoinLabels.remove(event.label);
            handleSelfJoin(event.room);
        }
        emit joined(event.room, event.nick);
        break;
    case Event::Kind::Leave:
        if (self && m_enterLabels.contains(event.label))
            emit moved(event.room, m_enterLabels.value(event.label));
        emit left(event.room, event.nick, event.subject);
        break;
    case Event::Kind::Presence:
        // Away and here again are flags in the people list (RoomState), not lines to show.
        if (event.subject != Event::AwayState && event.subject != Event::HereState)
            emit presenceChanged(event.room, event.nick, event.subject == "reconnecting"_L1);
        break;
    case Event::Kind::Moderation:
        if (m_addMaskLabels.remove(event.label))
            emit maskAnswered(event.label, false);
        emit moderated(event.room, event.nick, event.subject, event.target, event.text);
        break;
    case Event::Kind::Notice:
    case Event::Kind::Wallops: // a notice to administrators, shown like one to everyone
        emit serverNotice(event.nick, event.text);
        break;
    case Event::Kind::Away:
        emit awayReplied(event.nick, event.text);
        break;
    case Event::Kind::NickChange:
        if (self) {
            m_nick = event.target;
            emit nickChanged(m_nick);
        }
        emit renamed(event.nick, event.target);
        break;
    default:
        break;
    }
}

void ChatConnection::socketError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::SslHandshakeFailedError)
        handshakeFailed();
    else
        connectionEnded(failureFor(error));
}

void ChatConnection::handshakeFailed()
{
    using V = CertificateGuard::Verdict;
    const V verdict = m_guard->verdict();
    if (verdict == V::None || verdict == V::Approved) {
        connectionEnded(Failure::TlsError);
        return;
    }
    const Failure reason = verdict == V::Unknown   ? Failure::CertificateUnknown
                           : verdict == V::Changed ? Failure::CertificateChanged
                                                   : Failure::TlsError;
    // Trying again would meet the same certificate: a reconnect gives up too.
    if (m_state == State::Reconnecting)
        finish(reason);
    else
        connectionEnded(reason);
    if (verdict == V::Unknown)
        emit certificateNeedsApproval(m_guard->hostPort(), m_guard->fingerprint(),
                                      m_guard->subject());
    else if (verdict == V::Changed)
        emit certificateChanged(m_guard->hostPort(), m_guard->fingerprint(), m_guard->subject());
}

void ChatConnection::connectionEnded(Failure reason)
{
    switch (m_state) {
    case State::Disconnected:
    case State::WaitingToReconnect:
        return;
    case State::Connecting:
        m_timeout.stop();
        setState(State::Disconnected);
        m_socket->abort();
        emit loginFailed(reason);
        return;
    case State::Reconnecting:
        scheduleReconnect(reason);
        return;
    case State::LoggedIn:
        if (m_loggingOut) {
            finish(Failure::None);
            return;
        }
        m_rejoinRooms = m_rooms.names();
        m_rejoinCurrent = m_rooms.current();
        // Closed without a goodbye: to the person, the connection was lost.
        if (reason == Failure::ServerClosed && m_byeReason == Failure::None)
            reason = Failure::ConnectionLost;
        scheduleReconnect(m_byeReason != Failure::None ? m_byeReason : reason);
        return;
    }
}

void ChatConnection::scheduleReconnect(Failure reason)
{
    m_timeout.stop();
    setState(State::WaitingToReconnect);
    m_socket->abort();
    const int delay = m_backoff.nextDelay();
    m_reconnectTimer.start(delay);
    emit connectionLost(reason, delay);
}

void ChatConnection::finish(Failure reason)
{
    m_timeout.stop();
    m_reconnectTimer.stop();
    m_loggingOut = false;
    setState(State::Disconnected);
    m_socket->abort();
    emit disconnected(reason);
}

void ChatConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::LoggedIn) { // asked again on the next login
        m_adminLabel.clear();
        setAdministrator(false);
    }
    emit stateChanged(state);
}
