// SPDX-License-Identifier: MIT
#pragma once

#include "CommandTable.h"
#include "ErrorCode.h"

#include <QString>
#include <QStringList>

// One line a client sent, parsed.
//
//   line     = [ "@" label " " ] ( command / chat )
//   command  = [ "/" ] word [ " #" room ] [ " " arguments ]  word: a name or alias, any case
//   chat     = any text that does not start with a command word, or "//" text
//
// Without a leading "/", a command word that takes no arguments but is followed by more words
// is chat ("who is here?" is said, not run); so is "who" or "list" with words in the text
// rendering, where a filter needs the "/" ("/who ali"); programs (tagged) need none. "//text" says
// "/text". The label prefix is only read from clients that use the tagged rendering; it is copied
// onto every reply to the line. Arguments are separated by spaces; free text is the rest of the
// line with the spaces around it trimmed. Commands about a room (say, me, look, topic) may name it
// with a first word
// "#room"; plain chat never does, so "#hashtag" said as plain text stays text.
class Command
{
public:
    // Parses a line of text (already checked to be UTF-8 without control characters).
    static Command parse(const QString &line, bool acceptLabel);

    bool isValid() const { return m_error == ErrorCode::None; }
    CommandType type() const { return m_type; }
    const CommandSpec &spec() const { return CommandTable::spec(m_type); }

    // The command word the line used, for error replies ("say" for plain chat).
    QString word() const { return m_word; }
    QString label() const { return m_label; }
    QStringList arguments() const { return m_arguments; }
    QString argument(int index) const { return m_arguments.value(index); }
    // The room named with "#room", or empty: the session's current room.
    QString room() const { return m_room; }
    // A note or tags to one person ("note @bob <text>", "tagmsg @bob", without a #room: with
    // one, "@bob" is only how the text starts), its nickname and the note's text; either may be
    // empty when only "@" or "@bob" was typed.
    bool isToPerson() const;
    QString personNick() const;
    QString personText() const;
    // Whether the command names nick as the person it acts on (op, kick, deop...): someone who
    // acts on themselves (stepping down) is told apart by this alone.
    bool names(const QString &nick) const;

    // Why parsing failed, and the subject of the error (see ErrorCode.h).
    ErrorCode error() const { return m_error; }
    QString errorSubject() const { return m_errorSubject; }

    // The IRCv3 client-only tags of the IRC line this command came from (Event::clientTags):
    // what say, me, note and msg carry with the line. Never part of the chat line itself.
    const QString &clientTags() const { return m_clientTags; }
    void setClientTags(const QString &tags) { m_clientTags = tags; }

private:
    void fail(ErrorCode code, const QString &subject);
    void splitArguments(QStringView rest, bool slashed);

    CommandType m_type = CommandType::Say;
    QString m_word;
    QString m_label;
    QString m_room;
    QStringList m_arguments;
    ErrorCode m_error = ErrorCode::None;
    QString m_errorSubject;
    QString m_clientTags;
};
