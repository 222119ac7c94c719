// SPDX-License-Identifier: MIT
#include "Event.h"

#include "Protocol.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

Event::Event(Kind k)
    : kind(k)
    , time(QDateTime::currentDateTimeUtc())
{
}

Event Event::welcome(const QString &serverName)
{
    Event e(Kind::Welcome);
    e.text = serverName;
    e.subject = QString(Protocol::Version);
    return e;
}

Event Event::ok(const QString &command, const QStringList &details)
{
    Event e(Kind::Ok);
    e.command = command;
    e.list = details;
    return e;
}

Event Event::error(ErrorCode code, const QString &command, const QString &subject)
{
    Event e(Kind::Error);
    e.code = code;
    e.command = command;
    e.subject = subject;
    e.text = errorText(code, command, subject);
    return e;
}

Event Event::message(quint64 id, const QString &room, quint64 seq, const QString &nick,
                     const QString &text)
{
    Event e(Kind::Message);
    e.id = id;
    e.room = room;
    e.seq = seq;
    e.nick = nick;
    e.text = text;
    return e;
}

Event Event::action(quint64 id, const QString &room, quint64 seq, const QString &nick,
                    const QString &text)
{
    Event e = message(id, room, seq, nick, text);
    e.kind = Kind::Action;
    return e;
}

Event Event::privateMessage(quint64 id, const QString &from, const QString &to, const QString &text)
{
    Event e(Kind::Private);
    e.id = id;
    e.nick = from;
    e.target = to;
    e.text = text;
    return e;
}

Event Event::note(quint64 id, const QString &room, quint64 seq, const QString &nick,
                  const QString &text)
{
    Event e = message(id, room, seq, nick, text);
    e.kind = Kind::Note;
    return e;
}

Event Event::privateNote(quint64 id, const QString &from, const QString &to, const QString &text)
{
    Event e = privateMessage(id, from, to, text);
    e.kind = Kind::PrivateNote;
    return e;
}

bool Event::isRoomLine() const
{
    return kind == Kind::Message || kind == Kind::Action || kind == Kind::Note;
}

bool Event::isPrivateLine() const
{
    return kind == Kind::Private || kind == Kind::PrivateNote;
}

Event Event::join(const QString &room, const QString &nick)
{
    Event e(Kind::Join);
    e.room = room;
    e.nick = nick;
    return e;
}

Event Event::joins(const QString &room, const QStringList &nicks)
{
    Event e(Kind::Joins);
    e.room = room;
    e.list = nicks;
    return e;
}

Event Event::leave(const QString &room, const QString &nick, const QString &reason,
                   const QString &words)
{
    Event e(Kind::Leave);
    e.room = room;
    e.nick = nick;
    e.subject = reason;
    e.text = words;
    return e;
}

Event Event::nickChange(const QString &oldNick, const QString &newNick)
{
    Event e(Kind::NickChange);
    e.nick = oldNick;
    e.target = newNick;
    return e;
}

namespace {
QString isoOrEmpty(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

Event Event::topic(const QString &room, const QString &setter, const QString &text,
                   const QDateTime &set)
{
    Event e(Kind::Topic);
    e.room = room;
    e.nick = setter;
    e.text = text;
    e.subject = isoOrEmpty(set);
    return e;
}

Event Event::topicChanged(quint64 id, const QString &room, quint64 seq, const QString &setter,
                          const QString &text)
{
    Event e = topic(room, setter, text);
    e.kind = Kind::TopicChanged;
    e.id = id;
    e.seq = seq;
    return e;
}

Event Event::presence(const QString &room, const QString &nick, const QString &state,
                      const QString &awayText)
{
    Event e(Kind::Presence);
    e.room = room;
    e.nick = nick;
    e.subject = state;
    e.text = awayText;
    return e;
}

Event Event::moderation(const QString &room, const QString &actor, const QString &act,
                        const QString &target, const QString &detail)
{
    Event e(Kind::Moderation);
    e.room = room;
    e.nick = actor;
    e.subject = act;
    e.target = target;
    e.text = detail;
    return e;
}

Event Event::users(const QString &room, qsizetype total, const QStringList &nickFlagPairs)
{
    Event e(Kind::Users);
    e.room = room;
    e.subject = QString::number(total);
    e.list = nickFlagPairs;
    return e;
}

qsizetype Event::userCount() const
{
    return std::max(qsizetype(subject.toLongLong()), list.size() / 2);
}

QStringList Event::userNicks() const
{
    QStringList nicks;
    nicks.reserve(list.size() / 2);
    for (qsizetype i = 0; i + 1 < list.size(); i += 2)
        nicks.append(list.at(i));
    return nicks;
}

Event Event::who(const QStringList &nickRoomsFlagsTriples)
{
    Event e(Kind::Who);
    e.list = nickRoomsFlagsTriples;
    return e;
}

Event Event::rooms(const QStringList &roomCountTopicTriples)
{
    Event e(Kind::Rooms);
    e.list = roomCountTopicTriples;
    return e;
}

Event Event::listingStart(const QString &what, qsizetype total, int page, const QString &pattern)
{
    Event e(Kind::ListingStart);
    e.subject = what;
    e.count = total;
    e.seq = quint64(std::max(page, 0));
    e.text = pattern;
    return e;
}

Event Event::listingEnd(const QString &what, qsizetype count, qsizetype more, int nextPage,
                        const QString &pattern)
{
    Event e(Kind::ListingEnd);
    e.subject = what;
    e.count = count;
    e.id = quint64(std::max<qsizetype>(more, 0));
    e.seq = more > 0 ? quint64(std::max(nextPage, 0)) : 0;
    e.text = pattern;
    return e;
}

Event Event::help(const QStringList &usageSummaryPairs)
{
    Event e(Kind::Help);
    e.list = usageSummaryPairs;
    return e;
}

Event Event::settings(const QStringList &keyValuePairs)
{
    Event e(Kind::Settings);
    e.list = keyValuePairs;
    return e;
}

Event Event::historyStart(const QString &room, const QString &peer, const QString &reason,
                          qsizetype count)
{
    Event e(Kind::HistoryStart);
    e.room = room;
    e.nick = peer;
    e.subject = reason;
    e.count = count;
    return e;
}

Event Event::historyEnd(const QString &room, const QString &peer, const QString &reason,
                        qsizetype count, const QString &next, quint64 from)
{
    Event e(Kind::HistoryEnd);
    e.room = room;
    e.nick = peer;
    e.subject = reason;
    e.count = count;
    e.target = next;
    e.seq = next.isEmpty() ? 0 : from;
    return e;
}

Event Event::bans(const QString &room, qsizetype total, qsizetype first,
                  const QStringList &maskLeftSetterReason)
{
    Event e(Kind::Bans);
    e.room = room;
    e.count = total;
    e.seq = quint64(std::max<qsizetype>(first, 0));
    e.list = maskLeftSetterReason;
    return e;
}

Event Event::allowed(const QString &room, qsizetype total, qsizetype first,
                     const QStringList &maskLeftSetterReason)
{
    Event e = bans(room, total, first, maskLeftSetterReason);
    e.kind = Kind::Allowed;
    return e;
}

Event Event::exempted(const QString &room, qsizetype total, qsizetype first,
                      const QStringList &maskLeftSetterReason)
{
    Event e = bans(room, total, first, maskLeftSetterReason);
    e.kind = Kind::Exempted;
    return e;
}

Event Event::rules(const QString &room, const QStringList &rulesOn, const QDateTime &created)
{
    Event e(Kind::Rules);
    e.room = room;
    e.list = rulesOn;
    e.subject = isoOrEmpty(created);
    return e;
}

Event Event::modlog(const QString &room, qsizetype total, qsizetype first,
                    const QStringList &timeActorActTargetDetail)
{
    Event e = bans(room, total, first, timeActorActTargetDetail);
    e.kind = Kind::Modlog;
    return e;
}

Event Event::conversations(qsizetype total, qsizetype first,
                           const QStringList &conversationTimePairs)
{
    Event e(Kind::Conversations);
    e.count = total;
    e.seq = quint64(first);
    e.list = conversationTimePairs;
    return e;
}

Event Event::away(const QString &nick, const QString &text)
{
    Event e(Kind::Away);
    e.nick = nick;
    e.text = text;
    return e;
}

Event Event::whowas(const QString &nick, const QStringList &departures, const QStringList &details)
{
    Event e(Kind::Whowas);
    e.nick = nick;
    e.list = departures;
    e.details = details;
    return e;
}

Event Event::wallops(const QString &from, const QString &text)
{
    Event e = notice(from, text);
    e.kind = Kind::Wallops;
    return e;
}

Event Event::tagMessage(const QString &msgid, const QString &room, const QString &from,
                        const QString &to, const QString &clientTags)
{
    Event e(Kind::TagMessage);
    e.subject = msgid;
    e.room = room;
    e.nick = from;
    e.target = to;
    e.clientTags = clientTags;
    return e;
}

Event Event::notice(const QString &from, const QString &text)
{
    Event e(Kind::Notice);
    e.nick = from;
    e.text = text;
    return e;
}

Event Event::bye(const QString &reason)
{
    Event e(Kind::Bye);
    e.subject = reason;
    return e;
}

Event Event::ping(const QString &token)
{
    Event e(Kind::Ping);
    e.subject = token;
    return e;
}

Event Event::pong(const QString &token)
{
    Event e = ping(token);
    e.kind = Kind::Pong;
    return e;
}

const char *Event::errorTemplate(ErrorCode code, const QString &command, const QString &subject)
{
    switch (code) {
    case ErrorCode::None:
        break;
    case ErrorCode::BadInput:
        if (subject == "utf8"_L1)
            return QT_TRANSLATE_NOOP("Event", "That line is not valid UTF-8 text.");
        if (subject == "control"_L1)
            return QT_TRANSLATE_NOOP("Event", "Control characters are not allowed in text.");
        if (subject == "protocol"_L1)
            return QT_TRANSLATE_NOOP(
                "Event", "This is a chat server: connect with telnet, nc or chat-client.");
        return QT_TRANSLATE_NOOP("Event",
                                 "Invalid label: use 1-32 letters, digits, '.', '_' or '-'.");
    case ErrorCode::NoSuchNick:
        return QT_TRANSLATE_NOOP("Event", "No one called %1 is logged in.");
    case ErrorCode::NoSuchRoom:
        return QT_TRANSLATE_NOOP("Event", "There is no room called %1 (list shows the rooms).");
    case ErrorCode::RoomExists:
        return QT_TRANSLATE_NOOP("Event", "The room %1 already exists: use join %1.");
    case ErrorCode::NoText:
        return QT_TRANSLATE_NOOP("Event", "There is no text to send.");
    case ErrorCode::TryAgain:
        return QT_TRANSLATE_NOOP("Event",
                                 "You are creating rooms too fast: try again in %1 seconds.");
    case ErrorCode::ServerRoomLimit:
        return QT_TRANSLATE_NOOP(
            "Event", "The server has as many rooms as it may (%1): join one of them instead.");
    case ErrorCode::LineTooLong:
        return QT_TRANSLATE_NOOP("Event",
                                 "That line is too long (the limit is %1 bytes); it was dropped.");
    case ErrorCode::TooManyConnections:
        return QT_TRANSLATE_NOOP(
            "Event", "Too many connections from your address (the limit is %1); try again later.");
    case ErrorCode::PasswordMismatch:
        if (subject == "required"_L1)
            return QT_TRANSLATE_NOOP(
                "Event", "This server needs a password: pass <password>, then login <nick>.");
        return QT_TRANSLATE_NOOP("Event", "Wrong password.");
    case ErrorCode::ServerFull:
        return QT_TRANSLATE_NOOP("Event", "The server is full (%1 connections); try again later.");
    case ErrorCode::Unavailable:
        return QT_TRANSLATE_NOOP("Event", "This server has lost touch with the rest of its "
                                          "cluster and takes no new names until it is back; try "
                                          "again in a moment.");
    case ErrorCode::UnknownCommand:
        return QT_TRANSLATE_NOOP("Event", "Unknown command: %1 (help lists the commands).");
    case ErrorCode::BadNick:
        return QT_TRANSLATE_NOOP("Event",
                                 "\"%1\" is not a valid nickname: use up to %2 letters of one "
                                 "script, digits, '_' or '-', starting with a letter, digit or "
                                 "'_'.");
    case ErrorCode::NickInUse:
        return QT_TRANSLATE_NOOP("Event", "The nickname %1 is already taken.");
    case ErrorCode::AlreadyInRoom:
        if (command == "invite"_L1) // the subject is the person invited
            return QT_TRANSLATE_NOOP("Event", "%1 is already in the room.");
        return QT_TRANSLATE_NOOP("Event", "You are already in %1.");
    case ErrorCode::HistoryTooLong:
        return QT_TRANSLATE_NOOP("Event", "At most %1 lines per history request.");
    case ErrorCode::NotInRoom:
        if (subject.isEmpty())
            return QT_TRANSLATE_NOOP("Event",
                                     "You are in no room: join one (list shows the rooms).");
        return QT_TRANSLATE_NOOP("Event", "You are not in %1: join it first.");
    case ErrorCode::TooManyRooms:
        return QT_TRANSLATE_NOOP("Event",
                                 "You are in too many rooms (the limit is %1): leave one first.");
    case ErrorCode::BadResumeToken:
        return QT_TRANSLATE_NOOP(
            "Event", "That resume token is wrong or has expired: log in with login <nick>.");
    case ErrorCode::StorageFailed:
        if (subject == "full"_L1)
            return QT_TRANSLATE_NOOP("Event",
                                     "The server's storage is full: your message was not sent.");
        return QT_TRANSLATE_NOOP("Event",
                                 "The server could not store your message: it was not sent.");
    case ErrorCode::CannotSendToRoom:
        return QT_TRANSLATE_NOOP("Event", "You may not speak in %1: you are muted there, or it is "
                                          "moderated and nobody gave you a voice. You may read.");
    case ErrorCode::NotInThatRoom:
        return QT_TRANSLATE_NOOP("Event", "%1 is not in that room.");
    case ErrorCode::NotRoomOperator:
        return QT_TRANSLATE_NOOP(
            "Event", "You may not do that in %1: it takes the room's operators or owner.");
    case ErrorCode::NotRegistered:
        if (subject.isEmpty())
            return QT_TRANSLATE_NOOP("Event", "There is no registered nickname to identify for: "
                                              "log in with login <nick> first.");
        return QT_TRANSLATE_NOOP("Event", "The nickname %1 is not registered.");
    case ErrorCode::BadPassword:
        return QT_TRANSLATE_NOOP("Event",
                                 "A password is one word of %1 to %2 characters, without spaces.");
    case ErrorCode::NickRegistered:
        return QT_TRANSLATE_NOOP("Event",
                                 "The nickname %1 is registered: type identify <password> to log "
                                 "in with it, or log in with another nickname.");
    case ErrorCode::AccountPasswordWrong:
        return QT_TRANSLATE_NOOP("Event", "Wrong password for %1.");
    case ErrorCode::AlreadyRegistered:
        return QT_TRANSLATE_NOOP("Event", "The nickname %1 is already registered.");
    case ErrorCode::NotLoggedIn:
        return QT_TRANSLATE_NOOP("Event", "Log in first: login <nick>");
    case ErrorCode::NeedMoreParams:
        return QT_TRANSLATE_NOOP("Event", "Usage: %1");
    case ErrorCode::AlreadyLoggedIn:
        return QT_TRANSLATE_NOOP("Event", "You are already logged in as %1.");
    case ErrorCode::InviteOnlyRoom:
        return QT_TRANSLATE_NOOP("Event", "%1 is invite-only: an operator must invite you first.");
    case ErrorCode::BannedFromRoom:
        return QT_TRANSLATE_NOOP("Event", "You are banned from %1.");
    case ErrorCode::RoomFull:
        return QT_TRANSLATE_NOOP("Event", "%1 is full: its operators set a limit of people.");
    case ErrorCode::BadRoomKey:
        return QT_TRANSLATE_NOOP("Event", "%1 takes a key: join %1 <key>.");
    case ErrorCode::InvalidRuleValue:
        if (subject == "key"_L1)
            return QT_TRANSLATE_NOOP("Event", "A room's key is one word of up to %1 letters, "
                                              "digits or signs (not \"off\"), or off.");
        return QT_TRANSLATE_NOOP("Event",
                                 "A room's limit is a number of people from 1 to %1, or off.");
    case ErrorCode::NeedRegisteredNick:
        return QT_TRANSLATE_NOOP(
            "Event", "Only registered people may enter %1: register or identify first.");
    case ErrorCode::BadMask:
        return QT_TRANSLATE_NOOP("Event", "\"%1\" is not a mask: give a nickname, account:<name>, "
                                          "or an address or subnet (10.0.0.0/8).");
    case ErrorCode::BanListFull:
        return QT_TRANSLATE_NOOP("Event",
                                 "The room's list is full (%1 masks): take one off first.");
    case ErrorCode::NoPrivileges:
        return QT_TRANSLATE_NOOP("Event", "Only the server's administrators may use %1.");
    case ErrorCode::BadRoomName:
        return QT_TRANSLATE_NOOP("Event",
                                 "\"%1\" is not a valid room name: use up to %2 letters of one "
                                 "script, digits, '_' or '-', starting with a letter, digit or "
                                 "'_'.");
    case ErrorCode::TopicTooLong:
        return QT_TRANSLATE_NOOP("Event", "That topic is too long (the limit is %1 characters).");
    }
    return QT_TRANSLATE_NOOP("Event", "Error %1.");
}

QString Event::fillErrorTemplate(const QString &text, ErrorCode code, const QString &subject)
{
    if (code == ErrorCode::BadNick)
        return text.arg(subject, QString::number(Protocol::NickMaxLength));
    if (code == ErrorCode::BadRoomName)
        return text.arg(subject, QString::number(Protocol::RoomMaxLength));
    if (code == ErrorCode::BadPassword)
        return text.arg(subject, QString::number(Protocol::PasswordMaxLength));
    if (code == ErrorCode::InvalidRuleValue)
        return text.arg(subject == "key"_L1 ? Protocol::RoomKeyMaxLength : Protocol::RoomLimitMax);
    return text.contains("%1"_L1) ? text.arg(subject) : text;
}

bool Event::leavesEveryRoom(QStringView reason)
{
    return reason == QuitReason || reason == LostReason || reason == DisconnectReason ||
           reason == ShutdownReason;
}

QString Event::errorText(ErrorCode code, const QString &command, const QString &subject)
{
    return fillErrorTemplate(QString::fromUtf8(errorTemplate(code, command, subject)), code,
                             subject);
}
