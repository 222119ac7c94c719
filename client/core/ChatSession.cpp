// SPDX-License-Identifier: MIT
#include "ChatSession.h"

#include "Command.h"
#include "Conversation.h"
#include "ConversationListModel.h"
#include "Mentions.h"
#include "MessageModel.h"
#include "NameRules.h"
#include "NoticeText.h"
#include "RoomState.h"
#include "StatusText.h"
#include "UserListModel.h"

using namespace Qt::StringLiterals;

ChatSession::ChatSession(ChatConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_list(new ConversationListModel(this))
{
    connectRooms();
    connectLines();
    connectNotices();
}

Conversation *ChatSession::conversation(const QString &key) const
{
    return m_list->find(key);
}

int ChatSession::totalUnread() const
{
    int total = 0;
    for (const Conversation *conversation : m_list->conversations())
        total += conversation->unread();
    return total;
}

void ChatSession::connectRooms()
{
    ChatConnection *c = m_connection;
    connect(c, &ChatConnection::stateChanged, this, [this](ChatConnection::State state) {
        // A new login (not a reconnect) starts with nothing open.
        if (state == ChatConnection::State::Connecting)
            clear();
    });
    connect(c, &ChatConnection::loggedIn, this, [this](const QString &nick) {
        m_settings.setScope(m_connection->address().toString(), nick);
        if (std::exchange(m_lost, false))
            notice(tr("Reconnected."));
    });
    connect(c, &ChatConnection::roomEntered, this, [this](const QString &room) {
        Conversation *conversation = add(Conversation::Kind::Room, room);
        if (const RoomState *state = m_connection->joinedRooms().room(room)) {
            conversation->setTopic(state->topic());
            conversation->setPeople(state->users(), state->userCount());
            conversation->people()->setFlags(state->allFlags());
        }
        const QString from = std::exchange(m_movedFrom, {});
        conversation->addNotice(ChatLine::Kind::Notice,
                                from.isEmpty()
                                    ? tr("You are now in %1.").arg(room)
                                    : tr("You left %1 and are now in %2.").arg(from, room));
        setActive(conversation);
    });
    connect(c, &ChatConnection::roomLeft, this, [this](const QString &room) {
        if (Conversation *conversation = roomConversation(room))
            remove(conversation);
        // Put out of the room: said where the person is now.
        if (const QString why = std::exchange(m_putOut, {}); !why.isEmpty())
            notice(tr("%1 (in %2)").arg(why, room), ChatLine::Kind::Error);
    });
    connect(c, &ChatConnection::roomFlagsChanged, this, [this](const QString &room) {
        Conversation *conversation = roomConversation(room);
        const RoomState *state = m_connection->joinedRooms().room(room);
        if (conversation && state)
            conversation->people()->setFlags(state->allFlags());
    });
    connect(c, &ChatConnection::moved, this,
            [this](const QString &from, const QString &) { m_movedFrom = from; });
    connect(c, &ChatConnection::roomTopicChanged, this,
            [this](const QString &room, const QString &topic) {
                if (Conversation *conversation = roomConversation(room))
                    conversation->setTopic(topic);
            });
    connect(c, &ChatConnection::roomUsersChanged, this,
            [this](const QString &room, const QStringList &users, qsizetype count) {
                if (Conversation *conversation = roomConversation(room))
                    conversation->setPeople(users, count);
            });
}

void ChatSession::connectLines()
{
    connect(m_connection, &ChatConnection::lineReceived, this, &ChatSession::receive);
    connect(m_connection, &ChatConnection::historyReceived, this, &ChatSession::receiveHistory);
}

void ChatSession::connectNotices()
{
    ChatConnection *c = m_connection;
    connect(c, &ChatConnection::joined, this, [this](const QString &room, const QString &nick) {
        Conversation *conversation = roomConversation(room);
        if (conversation && !m_connection->isSelf(nick))
            conversation->addNotice(ChatLine::Kind::Notice, tr("%1 joined.").arg(nick));
    });
    connect(c, &ChatConnection::left, this,
            [this](const QString &room, const QString &nick, const QString &reason) {
                Conversation *conversation = roomConversation(room);
                if (conversation && !m_connection->isSelf(nick))
                    conversation->addNotice(ChatLine::Kind::Notice, NoticeText::left(nick, reason));
            });
    connect(
        c, &ChatConnection::presenceChanged, this,
        [this](const QString &room, const QString &nick, bool reconnecting) {
            if (Conversation *conversation = roomConversation(room))
                conversation->addNotice(
                    ChatLine::Kind::Notice,
                    reconnecting
                        ? tr("%1 lost the connection; their place is kept for a while.").arg(nick)
                        : tr("%1 is back.").arg(nick));
        });
    connect(c, &ChatConnection::renamed, this, [this](const QString &from, const QString &to) {
        const QString text = tr("%1 is now known as %2.").arg(from, to);
        if (Conversation *conversation = privateConversation(from, false)) {
            conversation->rename(to);
            conversation->addNotice(ChatLine::Kind::Notice, text);
        }
        for (Conversation *conversation : m_list->conversations()) {
            if (conversation->isRoom() && conversation->people()->users().contains(to))
                conversation->addNotice(ChatLine::Kind::Notice, text);
        }
    });
    connect(c, &ChatConnection::moderated, this,
            [this](const QString &room, const QString &actor, const QString &act,
                   const QString &target, const QString &detail) {
                const bool you = m_connection->isSelf(target);
                const QString text = NoticeText::moderation(actor, act, target, detail, you);
                if (you && (act == "kick"_L1 || act == "ban"_L1))
                    m_putOut = text;
                if (Conversation *conversation = roomConversation(room))
                    conversation->addNotice(ChatLine::Kind::Notice, text);
                else if (you) // an invitation into a room one is not in yet
                    notice(tr("In %1: %2").arg(room, text));
            });
    connect(c, &ChatConnection::serverNotice, this,
            [this](const QString &from, const QString &text) {
                // Meant for everyone: shown wherever the person happens to be reading.
                const QString line = tr("Notice from %1: %2").arg(from, text);
                for (Conversation *conversation : m_list->conversations())
                    conversation->addNotice(ChatLine::Kind::Notice, line);
            });
    connect(c, &ChatConnection::awayReplied, this,
            [this](const QString &nick, const QString &text) {
                if (Conversation *conversation = privateConversation(nick, true))
                    conversation->addNotice(ChatLine::Kind::Notice,
                                            tr("%1 is away: %2").arg(nick, text));
            });
    connect(c, &ChatConnection::connectionLost, this,
            [this](ChatConnection::Failure) { m_lost = true; });
    connect(c, &ChatConnection::commandFailed, this,
            [this](ErrorCode code, const QString &command, const QString &subject) {
                if (command == "history"_L1) {
                    for (Conversation *conversation : m_list->conversations())
                        conversation->setLoadingOlder(false);
                }
                notice(StatusText::commandError(code, command, subject), ChatLine::Kind::Error);
            });
    connect(c, &ChatConnection::lineRefused, this, [this] {
        notice(tr("The client needs tagged mode, so it does not send that setting."));
    });
    connect(c, &ChatConnection::roomsChanged, this, [this](const RoomInfoList &rooms) {
        if (m_roomListsWanted == 0)
            return; // the Rooms dialog asked
        --m_roomListsWanted;
        for (const QString &line : NoticeText::rooms(rooms))
            notice(line);
    });
    connect(c, &ChatConnection::whoReceived, this,
            [this](const PersonInfoList &people) { notice(NoticeText::who(people)); });
    connect(c, &ChatConnection::whowasReceived, this,
            [this](const QString &nick, const QStringList &departures) {
                for (const QString &line : NoticeText::whowas(nick, departures))
                    notice(line);
            });
    connect(c, &ChatConnection::helpReceived, this, [this](const QStringList &pairs) {
        for (const QString &line : NoticeText::help(pairs))
            notice(line);
    });
    connect(c, &ChatConnection::settingsReceived, this,
            [this](const QStringList &pairs) { notice(NoticeText::settings(pairs)); });
    connect(c, &ChatConnection::masksReceived, this,
            [this](const QString &room, MaskListKind list, qsizetype first, qsizetype total,
                   const QStringList &entries) {
                for (const QString &line : NoticeText::masks(room, list, first, total, entries))
                    notice(line);
            });
    connect(
        c, &ChatConnection::modlogReceived, this,
        [this](const QString &room, qsizetype first, qsizetype total, const QStringList &entries) {
            for (const QString &line : NoticeText::modlog(room, first, total, entries))
                notice(line);
        });
    connect(c, &ChatConnection::pong, this,
            [this](const QString &token) { notice(tr("Pong %1").arg(token).trimmed()); });
}

Conversation *ChatSession::add(Conversation::Kind kind, const QString &name)
{
    if (Conversation *existing = m_list->find(Conversation::keyFor(kind, name)))
        return existing;
    auto *conversation = new Conversation(kind, name, this);
    conversation->setMuted(m_settings.isMuted(conversation->key()));
    connect(conversation, &Conversation::changed, this,
            [this] { emit totalUnreadChanged(totalUnread()); });
    connect(conversation, &Conversation::readUpTo, this, [this, conversation](quint64 position) {
        m_settings.setReadPosition(conversation->key(), position);
    });
    m_list->add(conversation);
    return conversation;
}

void ChatSession::remove(Conversation *conversation)
{
    if (conversation == m_active) {
        const int row = m_list->rowOf(conversation);
        Conversation *next = m_list->at(row + 1) ? m_list->at(row + 1) : m_list->at(row - 1);
        setActive(next);
    }
    m_list->remove(conversation);
    conversation->deleteLater();
    emit totalUnreadChanged(totalUnread());
}

void ChatSession::clear()
{
    setActive(nullptr);
    for (Conversation *conversation : m_list->conversations())
        remove(conversation);
}

Conversation *ChatSession::roomConversation(const QString &room) const
{
    return m_list->find(Conversation::keyFor(Conversation::Kind::Room, room));
}

Conversation *ChatSession::privateConversation(const QString &peer, bool create)
{
    Conversation *conversation =
        m_list->find(Conversation::keyFor(Conversation::Kind::Private, peer));
    if (!conversation && create) {
        conversation = add(Conversation::Kind::Private, peer);
        conversation->setPeople({peer, m_connection->nick()}, 2);
        // Older private lines are asked for before the oldest one this conversation gets.
        conversation->setOlderFrom(std::numeric_limits<quint64>::max());
    }
    return conversation;
}

void ChatSession::setActive(Conversation *conversation)
{
    if (conversation == m_active)
        return;
    if (m_active)
        m_active->setRead(false);
    m_active = conversation;
    if (m_active) {
        m_active->setRead(m_attentive);
        if (m_active->isRoom())
            m_connection->switchRoom(m_active->name());
    }
    emit activeChanged(m_active);
}

void ChatSession::setAttentive(bool attentive)
{
    m_attentive = attentive;
    if (m_active)
        m_active->setRead(attentive);
}

bool ChatSession::mentions(const ChatLine &line) const
{
    return line.isSpoken() && !line.own && Mentions::contains(line.text, m_connection->nick());
}

QList<bool> ChatSession::mentions(const QList<ChatLine> &lines) const
{
    QList<bool> found;
    found.reserve(lines.size());
    for (const ChatLine &line : lines)
        found << mentions(line);
    return found;
}

void ChatSession::receive(const ChatLine &line)
{
    Conversation *conversation = line.kind == ChatLine::Kind::Private
                                     ? privateConversation(line.peer, true)
                                     : roomConversation(line.room);
    if (!conversation) {
        // Our own line to a room we are not in (one that takes lines from outside, for bots):
        // it is said where it was typed, where it went.
        if (line.own && line.kind == ChatLine::Kind::Message && line.note)
            notice(tr("To %1: -%2- %3").arg(line.room, line.nick, line.text));
        else if (line.own && line.kind == ChatLine::Kind::Message)
            notice(tr("To %1: %2").arg(line.room, line.text));
        else if (line.own && line.kind == ChatLine::Kind::Action)
            notice(tr("To %1: * %2 %3").arg(line.room, line.nick, line.text));
        return;
    }
    const bool mention = mentions(line);
    conversation->addLine(line, mention);
    if (line.isSpoken() && !line.own)
        emit lineArrived(conversation, line, mention);
}

void ChatSession::receiveHistory(const HistoryBatch &batch)
{
    using R = HistoryBatch::Reason;
    if (batch.room.isEmpty() && batch.reason != R::Older) {
        // Private lines missed while away, of everyone: each to its conversation.
        QMap<QString, QList<ChatLine>> byPeer;
        for (const ChatLine &line : batch.lines)
            byPeer[NameRules::key(line.peer)].append(line);
        for (const QList<ChatLine> &lines : std::as_const(byPeer))
            receiveMissed(privateConversation(lines.first().peer, true), lines,
                          tr("%n new messages", nullptr, int(lines.size())));
        return;
    }
    Conversation *conversation = batch.room.isEmpty() ? privateConversation(batch.peer, false)
                                                      : roomConversation(batch.room);
    if (!conversation)
        return;
    switch (batch.reason) {
    case R::Older:
        conversation->setLoadingOlder(false);
        conversation->setOlderFrom(batch.olderFrom);
        conversation->addOlderLines(batch.lines, mentions(batch.lines));
        break;
    case R::Join:
        receiveJoinHistory(conversation, batch);
        break;
    case R::Resume:
    case R::Gap:
        if (!batch.lines.isEmpty())
            receiveMissed(conversation, batch.lines,
                          tr("%n new messages", nullptr, int(batch.lines.size())));
        break;
    }
}

void ChatSession::receiveMissed(Conversation *conversation, const QList<ChatLine> &lines,
                                const QString &divider)
{
    const QList<bool> mentioned = mentions(lines);
    // A divider where the lines from before begin: what was missed is easy to find.
    conversation->addNotice(ChatLine::Kind::Divider, divider);
    conversation->addMissedLines(lines, mentioned);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).isSpoken() && !lines.at(i).own)
            emit lineArrived(conversation, lines.at(i), mentioned.at(i));
    }
}

void ChatSession::receiveJoinHistory(Conversation *conversation, const HistoryBatch &batch)
{
    if (conversation->olderFrom() == 0)
        conversation->setOlderFrom(batch.olderFrom);
    // Lines after the last one read in an earlier run of the client are unread.
    const quint64 read = m_settings.readPosition(conversation->key());
    qsizetype split = batch.lines.size();
    if (read > 0) {
        split = 0;
        while (split < batch.lines.size() && batch.lines.at(split).seq <= read)
            ++split;
    }
    const QList<ChatLine> earlier = batch.lines.first(split);
    const QList<ChatLine> missed = batch.lines.sliced(split);
    if (!earlier.isEmpty()) {
        conversation->addNotice(ChatLine::Kind::Divider,
                                tr("%n earlier messages", nullptr, int(earlier.size())));
        conversation->addEarlierLines(earlier, mentions(earlier));
    }
    if (!missed.isEmpty())
        receiveMissed(conversation, missed, tr("%n unread messages", nullptr, int(missed.size())));
}

void ChatSession::loadOlder(Conversation *conversation)
{
    if (!conversation || conversation->isLoadingOlder())
        return;
    MessageModel *messages = conversation->messages();
    if (messages->hiddenAbove() > 0) {
        messages->showOlder();
        return;
    }
    quint64 before = conversation->olderFrom();
    if (!conversation->isRoom() && before != 0) {
        // Private history is paged by message id, from the oldest one we have.
        const ChatLine *oldest = messages->oldestLine();
        before = oldest ? oldest->id : 0;
    }
    if (before <= 1)
        return;
    conversation->setLoadingOlder(true);
    m_connection->requestOlder(conversation->isRoom() ? conversation->name() : QString(),
                               conversation->isRoom() ? QString() : conversation->name(), before);
}

Conversation *ChatSession::openPrivate(const QString &nick)
{
    Conversation *conversation = privateConversation(nick, true);
    setActive(conversation);
    return conversation;
}

void ChatSession::close(Conversation *conversation)
{
    if (!conversation)
        return;
    if (conversation->isRoom())
        m_connection->leaveRoom(conversation->name()); // gone when the server says so
    else
        remove(conversation);
}

void ChatSession::setMuted(Conversation *conversation, bool muted)
{
    conversation->setMuted(muted);
    m_settings.setMuted(conversation->key(), muted);
}

void ChatSession::send(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            sendLine(line);
    }
}

void ChatSession::sendLine(const QString &line)
{
    Conversation *conversation = m_active;
    if (line.startsWith(u'/') && !line.startsWith("//"_L1)) {
        const Command command = Command::parse(line, false);
        const CommandType type = command.isValid() ? command.type() : CommandType::Say;
        if (type == CommandType::Me && conversation && !conversation->isRoom()) {
            notice(tr("Actions (/me) go to rooms; here, just write."));
            return;
        }
        if (type == CommandType::Me && conversation && command.room().isEmpty()) {
            m_connection->act(conversation->name(), command.argument(0));
            return;
        }
        if (type == CommandType::Note && command.isValid() && command.isToPerson()) {
            if (!command.personNick().isEmpty()) // "@" alone: the server says how to write it
                openPrivate(command.personNick());
        } else if (type == CommandType::Note && command.isValid() && command.room().isEmpty() &&
                   conversation) {
            // Where it is typed, as plain text goes: the room or the person on screen.
            const QChar target = conversation->isRoom() ? u'#' : u'@';
            m_connection->sendLine(u"/note "_s + target + conversation->name() + u' ' +
                                   command.argument(0));
            return;
        }
        if (type == CommandType::Msg && command.isValid())
            openPrivate(command.argument(0));
        if (type == CommandType::List)
            ++m_roomListsWanted;
        m_connection->sendLine(line);
        return;
    }
    const QString text = line.startsWith("//"_L1) ? line.mid(1) : line;
    if (!conversation)
        m_connection->sendLine(text.startsWith(u'/') ? u'/' + text : text);
    else if (conversation->isRoom())
        m_connection->say(conversation->name(), text);
    else
        m_connection->sendPrivate(conversation->name(), text);
}

void ChatSession::notice(const QString &text, ChatLine::Kind kind)
{
    if (m_active)
        m_active->addNotice(kind, text);
}
