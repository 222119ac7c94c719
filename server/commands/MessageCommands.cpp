// SPDX-License-Identifier: MIT
#include "commands/MessageCommands.h"

#include "NameRules.h"
#include "Protocol.h"
#include "TimeAnchor.h"
#include "cluster/ClusterEvent.h"
#include "commands/ChatContext.h"
#include "commands/HistoryArguments.h"
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

// Every read of a page: its request, and the second read it may have.
template <typename Change> void eachRead(ReplyStream::HistoryPart &part, Change change)
{
    change(part.request);
    if (part.otherWay)
        change(*part.otherWay);
    if (part.following)
        change(*part.following);
}

// Lines committed later reach the session live: a read of history stops where they begin,
// at last (the room's last sequence number, or the last private message's id).
void stopAt(HistoryRequest &request, quint64 last)
{
    request.upTo = request.upTo != 0 ? std::min(request.upTo, last) : last;
    if (last == 0 ||
        (request.direction == HistoryRequest::Direction::After && request.anchor >= last)) {
        request.direction = HistoryRequest::Direction::After; // nothing to read
        request.anchor = last;
    }
}

} // namespace

MessageCommands::MessageCommands(ChatContext &chat)
    : m_chat(chat)
{
}

void MessageCommands::say(Session *session, const Command &command)
{
    post(session, command, StoredMessage::Kind::Message);
}

void MessageCommands::me(Session *session, const Command &command)
{
    post(session, command, StoredMessage::Kind::Action);
}

// "note [#room] <text>" to a room, "note @nick <text>" to one person.
void MessageCommands::note(Session *session, const Command &command)
{
    if (!command.isToPerson())
        return post(session, command, StoredMessage::Kind::Note);
    if (command.personNick().isEmpty() || command.personText().isEmpty())
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    postPrivate(session, command, command.personNick(), command.personText(),
                StoredMessage::Kind::PrivateNote);
}

void MessageCommands::post(Session *session, const Command &command, StoredMessage::Kind kind)
{
    Room *room = m_chat.sayingRoom(session, command);
    if (!room)
        return;
    User *user = session->user();
    // Shown once committed: the echo too, so that nobody sees a line a crash could lose.
    m_chat.log().postToRoom(room, kind, user, command.argument(0), command.clientTags(),
                            [this, session = QPointer<Session>(session),
                             user = QPointer<User>(user), room = QPointer<Room>(room),
                             command](const Event &event, const QString &error) {
                                if (!error.isEmpty())
                                    return m_chat.failToStore(session, command, error);
                                room->broadcast(event, user, session, command.label());
                                // Said from outside the room: the sayer's echo is theirs alone.
                                if (user && !user->isIn(room))
                                    user->send(event, session, command.label(), true);
                            });
}

// "tagmsg [#room|@nick]": an IRC client's tags alone (TAGMSG), to a room (under the rules of what
// is said there: CommandProcessor) or to one person. Typing and reactions are of the moment:
// shown, echoed and never stored; on a node of a cluster the other nodes show them to their
// people in the room, or to the person on another node.
void MessageCommands::tagmsg(Session *session, const Command &command)
{
    if (command.clientTags().isEmpty())
        return m_chat.fail(session, command, ErrorCode::NoText);
    User *user = session->user();
    StoredMessage tags;
    tags.sender = user->nick();
    tags.senderPerson = user->personId();
    tags.text = m_chat.log().momentaryId();
    tags.clientTags = command.clientTags();
    if (!command.isToPerson()) {
        Room *room = m_chat.sayingRoom(session, command);
        if (!room)
            return;
        tags.roomId = room->id();
        const Event event = m_chat.log().tagsEventFor(tags, user->account());
        room->broadcast(event, user, session, command.label());
        if (!user->isIn(room)) // said from outside the room, as post() does
            user->send(event, session, command.label(), true);
        m_chat.tellCluster(ClusterEvent::tagged(tags, user->account()));
        return;
    }
    User *target = m_chat.directory().user(command.personNick());
    const RemotePerson *remote =
        target ? nullptr : m_chat.directory().remote().find(command.personNick());
    if (!target && !remote)
        return m_chat.fail(session, command, ErrorCode::NoSuchNick, command.personNick());
    tags.recipient = target ? target->nick() : remote->nick;
    tags.recipientPerson = target ? target->personId() : remote->id;
    const Event event = m_chat.log().tagsEventFor(tags, user->account());
    if (target && target != user)
        target->send(event);
    user->send(event, session, command.label(), true);
    if (remote)
        m_chat.tellCluster(ClusterEvent::tagged(tags, user->account()));
}

void MessageCommands::msg(Session *session, const Command &command)
{
    postPrivate(session, command, command.argument(0), command.argument(1),
                StoredMessage::Kind::Private);
}

void MessageCommands::postPrivate(Session *session, const Command &command, const QString &nick,
                                  const QString &text, StoredMessage::Kind kind)
{
    User *target = m_chat.directory().user(nick);
    // On a node of a cluster, the person may be on another node: their node shows it.
    RemotePerson *remote = target ? nullptr : m_chat.directory().remote().find(nick);
    if (!target && !remote)
        return m_chat.fail(session, command, ErrorCode::NoSuchNick, nick);
    User *user = session->user();
    const QString to = target ? target->nick() : remote->nick;
    const quint64 toPerson = target ? target->personId() : remote->id;
    m_chat.log().postPrivate(
        kind, user, to, toPerson, text, command.clientTags(),
        [this, session = QPointer<Session>(session), user = QPointer<User>(user),
         target = QPointer<User>(target), to, toPerson, kind,
         command](const Event &event, const QString &error) {
            if (!error.isEmpty())
                return m_chat.failToStore(session, command, error);
            // A person reconnecting reads it when they resume.
            if (target && target != user)
                target->send(event);
            if (user)
                user->send(event, session, command.label(), true);
            // Nothing answers a note by itself, not even the away text.
            if (!session || !user || kind == StoredMessage::Kind::PrivateNote)
                return;
            // An away person's text goes back once per text.
            if (target && target != user && target->tellAway(user->personId()))
                session->send(Event::away(target->nick(), target->awayText()), command.label());
            RemotePerson *remote = target ? nullptr : m_chat.directory().remote().find(to);
            if (remote && remote->id == toPerson && remote->away &&
                !remote->awayTold.contains(user->personId())) {
                remote->awayTold.insert(user->personId());
                session->send(Event::away(remote->nick, remote->awayText), command.label());
            }
        });
}

void MessageCommands::history(Session *session, const Command &command)
{
    const HistoryArguments args = HistoryArguments::parse(command.arguments());
    if (!args.valid)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    if (args.count > Protocol::HistoryPageMax)
        return m_chat.fail(session, command, ErrorCode::HistoryTooLong,
                           QString::number(Protocol::HistoryPageMax));
    const HistoryArguments::Reads reads = args.reads();
    ReplyStream::HistoryPart part{reads.request, {}, {}, u"request"_s, command.label(), false,
                                  false,         {}, {}};
    part.otherWay = reads.otherWay;
    part.following = reads.following;
    if (!args.peer.isEmpty()) {
        if (!NameRules::isValidNick(args.peer))
            return m_chat.fail(session, command, ErrorCode::BadNick, args.peer);
        const quint64 person = session->user()->personId();
        const QString peerKey = NameRules::key(args.peer);
        eachRead(part, [&](HistoryRequest &request) {
            request.person = person;
            request.peerKey = peerKey;
        });
        part.peer = NameRules::normalized(args.peer);
    } else {
        Room *room = nullptr;
        if (args.room.isEmpty()) {
            room = session->currentRoom();
            if (!room)
                return m_chat.fail(session, command, ErrorCode::NotInRoom);
        } else {
            room = m_chat.memberRoom(session, command, args.room);
            if (!room)
                return;
        }
        eachRead(part, [room](HistoryRequest &request) { request.roomId = room->id(); });
        part.room = room->name();
    }
    // The page comes after the effect of what the session said before asking.
    m_chat.log().afterWrites([this, session = QPointer<Session>(session), part]() mutable {
        if (!session || session->state() != Session::State::LoggedIn)
            return;
        quint64 last = 0;
        if (part.request.roomId != 0) {
            const Room *room = m_chat.directory().roomById(part.request.roomId);
            if (!room)
                return;
            last = room->lastSeq();
        } else {
            last = m_chat.log().lastPrivateId();
        }
        eachRead(part, [last](HistoryRequest &request) { stopAt(request, last); });
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
