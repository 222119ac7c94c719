// SPDX-License-Identifier: MIT
#include "commands/MessageCommands.h"

#include "NameRules.h"
#include "Protocol.h"
#include "TimeAnchor.h"
#include "commands/ChatContext.h"
#include "core/Directory.h"
#include "core/MessageLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"
#include "store/Store.h"

#include <QPointer>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// "history [room|#room|@nick] [count] [before|after <number>|<time> [after|before <time>]]",
// taken apart.
struct HistoryArguments
{
    bool valid = false;
    QString room;
    QString peer;
    qint64 count = Protocol::HistoryPageDefault;
    HistoryRequest::Direction direction = HistoryRequest::Direction::Latest;
    quint64 anchor = 0;
    std::optional<qint64> time; // the anchor is a time (TimeAnchor) instead of a number
    // A time on the other side of the anchor (after it when the page goes back, before it when
    // it goes forward): the page holds the lines between the two.
    std::optional<qint64> otherSide;
};

bool isNumber(const QString &word, quint64 *value)
{
    if (word.isEmpty() || !std::all_of(word.begin(), word.end(),
                                       [](QChar c) { return c.isDigit() && c.unicode() < 0x80; }))
        return false;
    bool ok = false;
    *value = word.toULongLong(&ok);
    return ok;
}

HistoryArguments parseHistory(const QStringList &words)
{
    HistoryArguments args;
    qsizetype i = 0;
    quint64 number = 0;
    const auto isDirection = [](const QString &w) {
        return w.compare("before"_L1, Qt::CaseInsensitive) == 0 ||
               w.compare("after"_L1, Qt::CaseInsensitive) == 0;
    };
    if (i < words.size() && words[i].startsWith(u'@')) {
        args.peer = words[i++].sliced(1);
        if (args.peer.isEmpty())
            return args;
    } else if (i < words.size() && !isNumber(words[i], &number) && !isDirection(words[i])) {
        args.room = words[i].startsWith(u'#') ? words[i].sliced(1) : words[i];
        ++i;
    }
    if (i < words.size() && isNumber(words[i], &number)) {
        args.count = qint64(std::min<quint64>(number, quint64(1) << 40));
        ++i;
    }
    if (i < words.size() && isDirection(words[i])) {
        const bool before = words[i].compare("before"_L1, Qt::CaseInsensitive) == 0;
        if (i + 1 >= words.size())
            return args;
        if (isNumber(words[i + 1], &number))
            args.anchor = number;
        else if (!(args.time = TimeAnchor::parse(words[i + 1])))
            return args;
        args.direction =
            before ? HistoryRequest::Direction::Before : HistoryRequest::Direction::After;
        i += 2;
        const auto isOtherSide = [&](const QString &w) {
            return w.compare(before ? "after"_L1 : "before"_L1, Qt::CaseInsensitive) == 0;
        };
        if (i < words.size() && isOtherSide(words[i])) {
            if (i + 1 >= words.size() || !(args.otherSide = TimeAnchor::parse(words[i + 1])))
                return args;
            i += 2;
        }
    }
    args.valid = i == words.size() && args.count > 0;
    return args;
}

} // namespace

MessageCommands::MessageCommands(ChatContext &chat)
    : m_chat(chat)
{
}

void MessageCommands::say(Session *session, const Command &command)
{
    post(session, command, false);
}

void MessageCommands::me(Session *session, const Command &command)
{
    post(session, command, true);
}

void MessageCommands::post(Session *session, const Command &command, bool action)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    User *user = session->user();
    // Shown once committed: the echo too, so that nobody sees a line a crash could lose.
    m_chat.log().postToRoom(
        room, action ? StoredMessage::Kind::Action : StoredMessage::Kind::Message, user,
        command.argument(0),
        [this, session = QPointer<Session>(session), user = QPointer<User>(user),
         room = QPointer<Room>(room), command](const Event &event, const QString &error) {
            if (!error.isEmpty())
                return m_chat.failToStore(session, command, error);
            room->broadcast(event, user, session, command.label());
        });
}

void MessageCommands::msg(Session *session, const Command &command)
{
    User *target = m_chat.directory().user(command.argument(0));
    if (!target)
        return m_chat.fail(session, command, ErrorCode::NoSuchNick, command.argument(0));
    User *user = session->user();
    m_chat.log().postPrivate(
        user, target, command.argument(1),
        [this, session = QPointer<Session>(session), user = QPointer<User>(user),
         target = QPointer<User>(target), command](const Event &event, const QString &error) {
            if (!error.isEmpty())
                return m_chat.failToStore(session, command, error);
            // A person reconnecting reads it when they resume.
            if (target && target != user)
                target->send(event);
            if (user)
                user->send(event, session, command.label(), true);
            // An away person's text goes back once per text.
            if (session && user && target && target != user && target->tellAway(user->personId()))
                session->send(Event::away(target->nick(), target->awayText()), command.label());
        });
}

void MessageCommands::history(Session *session, const Command &command)
{
    const HistoryArguments args = parseHistory(command.arguments());
    if (!args.valid)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    if (args.count > Protocol::HistoryPageMax)
        return m_chat.fail(session, command, ErrorCode::HistoryTooLong,
                           QString::number(Protocol::HistoryPageMax));
    HistoryRequest request;
    request.direction = args.direction;
    request.anchor = args.anchor;
    request.limit = int(args.count);
    if (args.time && args.direction == HistoryRequest::Direction::Before) {
        // The newest lines below the time. A bound of 0 is none: the epoch itself reads as its
        // next millisecond, which no line was said at.
        request.direction = HistoryRequest::Direction::Latest;
        request.beforeMs = std::max<qint64>(*args.time, 1);
    } else if (args.time) {
        request.afterMs = *args.time; // the oldest lines above it, from the first
    }
    if (args.otherSide && args.direction == HistoryRequest::Direction::After)
        request.beforeMs = std::max<qint64>(*args.otherSide, 1);
    else if (args.otherSide)
        request.afterMs = *args.otherSide;
    ReplyStream::HistoryPart part{request, {}, {}, u"request"_s, command.label(), false};
    if (!args.peer.isEmpty()) {
        if (!NameRules::isValidNick(args.peer))
            return m_chat.fail(session, command, ErrorCode::BadNick, args.peer);
        part.request.person = session->user()->personId();
        part.request.peerKey = NameRules::key(args.peer);
        part.peer = NameRules::normalized(args.peer);
    } else {
        Room *room = nullptr;
        if (args.room.isEmpty()) {
            room = session->currentRoom();
            if (!room)
                return m_chat.fail(session, command, ErrorCode::NotInRoom);
        } else {
            room = m_chat.directory().room(args.room);
            if (!room || !session->user()->isIn(room))
                return m_chat.fail(session, command, ErrorCode::NotInRoom,
                                   room ? room->name() : NameRules::normalized(args.room));
        }
        part.request.roomId = room->id();
        part.room = room->name();
    }
    // The page comes after the effect of what the session said before asking.
    m_chat.log().afterWrites([this, session = QPointer<Session>(session), part]() mutable {
        if (!session || session->state() != Session::State::LoggedIn)
            return;
        if (part.request.roomId != 0) {
            const Room *room = m_chat.directory().roomById(part.request.roomId);
            if (!room)
                return;
            // Lines committed later reach the session live: the page stops where they begin.
            part.request.upTo = room->lastSeq();
            if (room->lastSeq() == 0 ||
                (part.request.direction == HistoryRequest::Direction::After &&
                 part.request.anchor >= room->lastSeq())) {
                part.request.direction = HistoryRequest::Direction::After;
                part.request.anchor = room->lastSeq();
            }
        } else {
            part.request.upTo = m_chat.log().lastPrivateId();
            if (part.request.upTo == 0)
                part.request.direction = HistoryRequest::Direction::After; // nothing yet
        }
        m_chat.stream(session, part);
    });
}

// "conversations <time> <time> [count]": the rooms the person is in and the people they
// exchanged private messages with, that have lines between the two times (both excluded), in
// the order of their latest lines from the first time toward the second.
void MessageCommands::conversations(Session *session, const Command &command)
{
    const QStringList words = command.arguments();
    const std::optional<qint64> first = TimeAnchor::parse(words.value(0));
    const std::optional<qint64> second = TimeAnchor::parse(words.value(1));
    bool ok = true;
    const qint64 count =
        words.size() > 2 ? words.at(2).toLongLong(&ok) : Protocol::HistoryPageDefault;
    if (!first || !second || words.size() > 3 || !ok || count < 1)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    if (count > Protocol::HistoryPageMax)
        return m_chat.fail(session, command, ErrorCode::HistoryTooLong,
                           QString::number(Protocol::HistoryPageMax));
    TargetsRequest request;
    request.person = session->user()->personId();
    // A bound of 0 is none: the epoch itself reads as its next millisecond.
    request.afterMs = std::min(*first, *second);
    request.beforeMs = std::max<qint64>(std::max(*first, *second), 1);
    request.limit = int(count);
    request.oldestFirst = *first < *second;
    // The answer comes after the effect of what the session said before asking.
    m_chat.log().afterWrites(
        [this, session = QPointer<Session>(session), request, label = command.label()]() mutable {
            if (!session || session->state() != Session::State::LoggedIn)
                return;
            for (const Room *room : session->user()->rooms())
                request.roomIds.append(room->id());
            m_chat.replies(session).addRead([this, request, label](ReplyStream::Deliver deliver) {
                m_chat.log().store().readTargets(request,
                                                 [this, label, deliver](const TargetsPage &page) {
                                                     deliver(conversationEvents(page, label));
                                                 });
            });
        });
}

// The answer in lines of about ListLineBytes, like other lists; a failed read is an error.
QList<Event> MessageCommands::conversationEvents(const TargetsPage &page,
                                                 const QString &label) const
{
    QList<Event> events;
    if (!page.error.isEmpty()) {
        events.append(Event::error(ErrorCode::StorageFailed, u"conversations"_s, u"failed"_s));
    } else {
        QStringList pairs;
        for (const StoredTarget &target : page.targets) {
            if (target.roomId == 0) {
                pairs << u'@' + target.peer;
            } else if (const Room *room = m_chat.directory().roomById(target.roomId)) {
                pairs << room->name();
            } else {
                continue; // deleted since
            }
            pairs << target.latest.toString(Qt::ISODateWithMs);
        }
        const qsizetype total = pairs.size() / 2;
        qsizetype first = 0;
        qsizetype bytes = 0;
        QStringList line;
        for (qsizetype i = 0; i < total; ++i) {
            const qsizetype size = pairs[2 * i].toUtf8().size() + 30;
            if (!line.isEmpty() && bytes + size > Protocol::ListLineBytes) {
                events.append(Event::conversations(total, first, line));
                line.clear();
                bytes = 0;
                first = i;
            }
            line << pairs[2 * i] << pairs[2 * i + 1];
            bytes += size;
        }
        if (!line.isEmpty() || events.isEmpty())
            events.append(Event::conversations(total, first, line));
    }
    for (Event &event : events)
        event.label = label;
    return events;
}
