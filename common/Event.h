// SPDX-License-Identifier: MIT
#pragma once

#include "ErrorCode.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// Everything the server tells a client, as one value type. Which fields a kind uses is fixed
// by the tagged layout table (TaggedCodec.cpp) and listed in docs/PROTOCOL.md; the factory
// functions below fill exactly those, so callers never set a field a kind does not carry.
// Both renderings (TextRenderer, TaggedCodec) read from this one model.
class Event
{
public:
    enum class Kind {
        Invalid,
        Welcome,      // text: server name, subject: protocol version
        Ok,           // command, list: details (login: nick; set: key, value)
        Error,        // code, command, subject, text (English description)
        Message,      // id, room, nick, text
        Action,       // id, room, nick, text
        Private,      // id, nick (from), target (to), text
        Join,         // room, nick
        Joins,        // room, list: nicknames (several arrived at once)
        Leave,        // room, nick, subject: reason (part, quit, lost, shutdown)
        NickChange,   // nick (old), target (new)
        Topic,        // room, nick (who set it, may be empty), text  (the current topic)
        TopicChanged, // room, nick (who set it), text
        Users,        // room, subject: how many are in it, list: nicknames (all of them, or in a
                      // crowded room the first ones; see Room)
        Who,          // list: pairs of nickname, room
        Rooms,        // list: triples of room, member count, topic
        Help,         // list: pairs of usage, summary
        Settings,     // list: pairs of key, value
        Bye,          // subject: reason (logout, shutdown, ...)
        Ping,         // subject: token
        Pong,         // subject: token
    };

    static Event welcome(const QString &serverName);
    static Event ok(const QString &command, const QStringList &details);
    static Event error(ErrorCode code, const QString &command, const QString &subject);
    static Event message(quint64 id, const QString &room, const QString &nick, const QString &text);
    static Event action(quint64 id, const QString &room, const QString &nick, const QString &text);
    static Event privateMessage(quint64 id, const QString &from, const QString &to,
                                const QString &text);
    static Event join(const QString &room, const QString &nick);
    static Event joins(const QString &room, const QStringList &nicks);
    static Event leave(const QString &room, const QString &nick, const QString &reason);
    static Event nickChange(const QString &oldNick, const QString &newNick);
    static Event topic(const QString &room, const QString &setter, const QString &text);
    static Event topicChanged(const QString &room, const QString &setter, const QString &text);
    static Event users(const QString &room, qsizetype total, const QStringList &nicks);
    static Event who(const QStringList &nickRoomPairs);
    static Event rooms(const QStringList &roomCountTopicTriples);
    static Event help(const QStringList &usageSummaryPairs);
    static Event settings(const QStringList &keyValuePairs);
    static Event bye(const QString &reason);
    static Event ping(const QString &token);
    static Event pong(const QString &token);

    // The untranslated template of an error's description ("%1" is the subject), marked for
    // translation in context "Event"; errorText() fills it in English for the tagged field.
    static const char *errorTemplate(ErrorCode code, const QString &subject);
    static QString errorText(ErrorCode code, const QString &subject);
    // Fills a template, in any language: %1 is the subject, %2 the length limit it breaks.
    static QString fillErrorTemplate(const QString &text, ErrorCode code, const QString &subject);

    Event() = default;

    Kind kind = Kind::Invalid;
    QDateTime time; // UTC, millisecond precision
    QString label;  // copied from the command that caused the event; empty otherwise
    quint64 id = 0;
    ErrorCode code = ErrorCode::None;
    QString command;
    QString room;
    QString nick;
    QString target;
    QString subject;
    QString text;
    QStringList list;

    bool isValid() const { return kind != Kind::Invalid; }
    // A users event's count: how many are in the room, never fewer than it names.
    qsizetype userCount() const;
    bool operator==(const Event &other) const = default;

private:
    explicit Event(Kind k);
};
