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
        Welcome,       // text: server name, subject: protocol version
        Ok,            // command, list: details (login: nick, resume token, grace seconds;
                       // set: key, value; leave, switch: room)
        Error,         // code, command, subject, text (English description)
        Message,       // id, room, seq, nick, text
        Action,        // id, room, seq, nick, text
        Private,       // id, nick (from), target (to), text
        Note,          // id, room, seq, nick, text: a line to the room that nobody answers
                       // automatically (IRC's NOTICE; bots' output)
        PrivateNote,   // id, nick (from), target (to), text: a note to one person
        Join,          // room, nick
        Joins,         // room, list: nicknames (several arrived at once)
        Leave,         // room, nick, subject: reason (part, quit, lost, shutdown), text:
                       // their own words, when they gave some as they left (part) or logged
                       // out (quit); not in the tagged layout
        NickChange,    // nick (old), target (new)
        Topic,         // room, nick (who set it, may be empty), text  (the current topic),
                       // subject: when it was set (ISO 8601 UTC, or empty; not in the tagged
                       // layout)
        TopicChanged,  // id, room, seq, nick (who set it), text
        Presence,      // room, nick, subject: "reconnecting" (the connection dropped and the
                       // place is held), "back" (resumed), "away" (text: the away message; not
                       // in the tagged layout) or "here" (no longer away)
        Moderation,    // room, nick (who acted), subject: the act ("op", "deop", "kick", "mute",
                       // "unmute", "ban", "unban", "allow", "disallow", "invite", "rule"), target
                       // (on whom: a nick, a ban's or an allowance's mask, a rule's name), text: a
                       // kick's reason, a mute's seconds, a ban's seconds (0: for good) and reason
                       // ("600 spamming"), a rule's "on" or "off"; several rules changed by
                       // one command are an event each, all with list: pairs of rule and value
                       // of them all, and count: the event's place among them (not in the
                       // tagged layout; IRC writes one MODE line)
        Users,         // room, subject: how many are in it, list: pairs of nickname and flags
                       // (all of them, or in a crowded room the first ones; see Room), text:
                       // SecretRoom when the room is secret (IRC's 353 "@"; not in the tagged
                       // layout: `look`'s rules say it)
        Who,           // list: triples of nickname, rooms (comma-separated), flags: one piece of
                       // a listing (between ListingStart and ListingEnd)
        Rooms,         // list: triples of room, member count, topic: one piece of a listing
        ListingStart,  // subject: what follows ("rooms" or "who"), count: how many match in
                       // all, seq: the page asked for (0: every item), text: the filter (may
                       // be empty)
        ListingEnd,    // subject, text: as ListingStart; count: items sent; id: matching items
                       // after them (0: none); seq: the page that shows them next (0: none)
        Help,          // list: pairs of usage, summary
        Settings,      // list: pairs of key, value
        HistoryStart,  // room (or empty), nick (the peer of a private history, or empty),
                       // subject: why ("join", "resume", "request"), count: lines that follow;
                       // time: the first line's
        HistoryEnd,    // room, nick, subject, count: as HistoryStart; target: where more lines
                       // are ("before", "after", or empty: none), seq: the sequence number
                       // (message id for private history) to ask from; text: "messages" when
                       // the page left topic changes out (for the text line's next request,
                       // not in the tagged layout)
        Bans,          // room, count: how many bans the room has, seq: the index of this
                       // line's first ban (a long list is several lines), list: quadruples of
                       // mask, seconds left (empty: for good), setter, reason
        Allowed,       // as Bans, for the masks let into the room without an invitation when it
                       // is invite-only (seconds left and reason empty)
        Exempted,      // as Allowed, for the masks the room's bans do not keep out
        Rules,         // room, list: the room's rules that are on ("invite-only", ...),
                       // subject: when the room was made (ISO 8601 UTC, or empty; not in the
                       // tagged layout)
        Modlog,        // room, count: how many acts follow in all, seq: the index of this
                       // line's first act, list: quintuples of time (ISO 8601 UTC), actor, act,
                       // target, detail: the room's moderation log, oldest first
        Conversations, // count: how many conversations follow in all, seq: the index of this
                       // line's first, list: pairs of conversation (a room, or @nick for
                       // private messages) and the time of its newest line between the times
                       // asked (ISO 8601 UTC), from the first time asked toward the second
        Away,          // nick, text: the away message of the person a private message went to
        Whowas,        // nick (as asked), list: quintuples of nickname (as it was spelled),
                       // account (or empty), when they left it (ISO 8601 UTC), why (a leave's
                       // reason such as "quit" or "lost", or "nick": they took another name)
                       // and the name they took (or empty): the newest first; empty when the
                       // server remembers nobody by that name
        Notice,        // nick (the administrator), text: a notice to everyone on the server
        Wallops,       // nick (the administrator), text: a notice to this server's
                       // administrators alone
        TagMessage,    // room (or empty), nick (from), target (to, when to one person),
                       // subject: its msgid, clientTags: an IRC client's tags alone (IRC's
                       // TAGMSG: typing, a reaction), shown to IRC readers with message-tags
                       // alone; never stored; not in the tagged layout
        Bye,           // subject: reason (logout, shutdown, ...)
        Ping,          // subject: token
        Pong,          // subject: token
    };

    // Flags of a person in users and who lists (comma-separated; empty when none).
    static constexpr QLatin1StringView ReconnectingFlag{"reconnecting"};
    static constexpr QLatin1StringView AwayFlag{"away"};
    static constexpr QLatin1StringView OwnerFlag{"owner"};
    static constexpr QLatin1StringView OperatorFlag{"op"};
    static constexpr QLatin1StringView MutedFlag{"muted"};
    static constexpr QLatin1StringView VoicedFlag{"voice"}; // may speak in a moderated room
    static constexpr QLatin1StringView AdminFlag{"admin"};
    // Presence states besides reconnecting and back: away and no longer away.
    static constexpr QLatin1StringView AwayState{"away"};
    static constexpr QLatin1StringView HereState{"here"};
    // A users event's text when the room is left out of listings (the secret rule).
    static constexpr QLatin1StringView SecretRoom{"secret"};
    // What a listing lists: the kind of its pieces.
    static constexpr QLatin1StringView ListingRooms{"rooms"};
    static constexpr QLatin1StringView ListingWho{"who"};
    // Why someone left (a leave's subject). These four take them out of every room at once,
    // which IRC says as one QUIT; "part" and "kick" are one room's.
    static constexpr QLatin1StringView QuitReason{"quit"};             // they logged out
    static constexpr QLatin1StringView LostReason{"lost"};             // the connection dropped
    static constexpr QLatin1StringView DisconnectReason{"disconnect"}; // an administrator's act
    static constexpr QLatin1StringView ShutdownReason{"shutdown"};     // the server stopped
    // A whowas departure that was no leave: they took another name.
    static constexpr QLatin1StringView NickDeparture{"nick"};
    static bool leavesEveryRoom(QStringView reason);
    // Lines someone wrote, kept in the history: to a room (Message, Action, Note) or to one
    // person (Private, PrivateNote).
    bool isRoomLine() const;
    bool isPrivateLine() const;

    static Event welcome(const QString &serverName);
    static Event ok(const QString &command, const QStringList &details);
    static Event error(ErrorCode code, const QString &command, const QString &subject);
    static Event message(quint64 id, const QString &room, quint64 seq, const QString &nick,
                         const QString &text);
    static Event action(quint64 id, const QString &room, quint64 seq, const QString &nick,
                        const QString &text);
    static Event privateMessage(quint64 id, const QString &from, const QString &to,
                                const QString &text);
    static Event note(quint64 id, const QString &room, quint64 seq, const QString &nick,
                      const QString &text);
    static Event privateNote(quint64 id, const QString &from, const QString &to,
                             const QString &text);
    static Event join(const QString &room, const QString &nick);
    static Event joins(const QString &room, const QStringList &nicks);
    static Event leave(const QString &room, const QString &nick, const QString &reason,
                       const QString &words = {});
    static Event nickChange(const QString &oldNick, const QString &newNick);
    static Event topic(const QString &room, const QString &setter, const QString &text,
                       const QDateTime &set = {});
    static Event topicChanged(quint64 id, const QString &room, quint64 seq, const QString &setter,
                              const QString &text);
    static Event presence(const QString &room, const QString &nick, const QString &state,
                          const QString &awayText = {});
    static Event moderation(const QString &room, const QString &actor, const QString &act,
                            const QString &target, const QString &detail);
    static Event users(const QString &room, qsizetype total, const QStringList &nickFlagPairs);
    static Event who(const QStringList &nickRoomsFlagsTriples);
    static Event rooms(const QStringList &roomCountTopicTriples);
    static Event listingStart(const QString &what, qsizetype total, int page,
                              const QString &pattern);
    static Event listingEnd(const QString &what, qsizetype count, qsizetype more, int nextPage,
                            const QString &pattern);
    static Event help(const QStringList &usageSummaryPairs);
    static Event settings(const QStringList &keyValuePairs);
    static Event historyStart(const QString &room, const QString &peer, const QString &reason,
                              qsizetype count);
    static Event historyEnd(const QString &room, const QString &peer, const QString &reason,
                            qsizetype count, const QString &next, quint64 from);
    static Event bans(const QString &room, qsizetype total, qsizetype first,
                      const QStringList &maskLeftSetterReason);
    static Event allowed(const QString &room, qsizetype total, qsizetype first,
                         const QStringList &maskLeftSetterReason);
    static Event exempted(const QString &room, qsizetype total, qsizetype first,
                          const QStringList &maskLeftSetterReason);
    static Event rules(const QString &room, const QStringList &rulesOn,
                       const QDateTime &created = {});
    static Event modlog(const QString &room, qsizetype total, qsizetype first,
                        const QStringList &timeActorActTargetDetail);
    static Event conversations(qsizetype total, qsizetype first,
                               const QStringList &conversationTimePairs);
    static Event away(const QString &nick, const QString &text);
    // details: four for each departure of departures (see details).
    static Event whowas(const QString &nick, const QStringList &departures,
                        const QStringList &details);
    static Event notice(const QString &from, const QString &text);
    static Event wallops(const QString &from, const QString &text);
    static Event tagMessage(const QString &msgid, const QString &room, const QString &from,
                            const QString &to, const QString &clientTags);
    static Event bye(const QString &reason);
    static Event ping(const QString &token);
    static Event pong(const QString &token);

    // The untranslated template of an error's description ("%1" is the subject), marked for
    // translation in context "Event"; errorText() fills it in English for the tagged field.
    // The command that failed picks the words where one code means two things.
    static const char *errorTemplate(ErrorCode code, const QString &command,
                                     const QString &subject);
    static QString errorText(ErrorCode code, const QString &command, const QString &subject);
    // Fills a template, in any language: %1 is the subject, %2 the length limit it breaks.
    static QString fillErrorTemplate(const QString &text, ErrorCode code, const QString &subject);

    Event() = default;

    Kind kind = Kind::Invalid;
    QDateTime time; // UTC, millisecond precision
    QString label;  // copied from the command that caused the event; empty otherwise
    quint64 id = 0;
    quint64 seq = 0;
    qint64 count = 0;
    ErrorCode code = ErrorCode::None;
    QString command;
    QString room;
    QString nick;
    QString target;
    QString subject;
    QString text;
    QStringList list;
    // The accounts of the people an event is about, for IRC (account-tag, extended-join): who
    // said it (Message, Action, Note, Private, PrivateNote, TopicChanged), who arrived (Join;
    // Joins: one for each nickname of list), each person of a Who piece (WHOIS's 330). Empty for
    // someone without an account; not in the tagged layout.
    QStringList accounts;
    // What IRC shows of those people besides their nicknames (WHO, WHOIS, extended-join): for
    // each person of a Who piece, each arrival of a Join (Joins) and, when asked for, each
    // member of a Users list (Room::usersEvent), four items: their user name, real name, away
    // text (the flags say whether they are away) and, in a Who piece, the rooms of theirs that
    // they run (owner or operator; comma-separated); the same four for each departure of a
    // Whowas, its last two empty. An empty user or real name is shown as the nickname. For each
    // ban of a Bans piece, when it was set (seconds since 1970). Not in the tagged layout.
    QStringList details;
    // The IRCv3 client-only tags that came with a line from an IRC client (Message, Action,
    // Note, Private, PrivateNote, TagMessage): "+key=value;+key", escaped as IRC writes them, so
    // that other IRC clients see the reply, reaction or typing state it carries. Kept with a line
    // in the history; shown to IRC readers with message-tags alone; not in the tagged layout.
    QString clientTags;

    bool isValid() const { return kind != Kind::Invalid; }
    // A users event's count: how many are in the room, never fewer than it names.
    qsizetype userCount() const;
    // A users event's nicknames, without their flags.
    QStringList userNicks() const;
    bool operator==(const Event &other) const = default;

private:
    explicit Event(Kind k);
};
